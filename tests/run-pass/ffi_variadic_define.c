// C side of ffi_variadic_define.rs: C calls Rust's C-variadic definitions, as printf-style
// callbacks are called.
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

int64_t rs_sum(int n, ...);
double rs_mixed(const char *kinds, ...);
int rs_format(char *buf, size_t n, const char *fmt, ...);

void c_calls_rust(void) {
    printf("c: sum %lld\n", (long long)rs_sum(3, 10, 20, 30));
    printf("c: sum %lld\n", (long long)rs_sum(9, 1, 2, 3, 4, 5, 6, 7, 8, 9));
    double d = rs_mixed("idldpdddddddddi", 1, 2.5, (int64_t)-3, 4.25, (void *)0, 6.0, 7.0, 8.0,
                        9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15);
    printf("c: mixed %.3f\n", d);
    char buf[128];
    int len = rs_format(buf, sizeof buf, "%s=%d %.2f|%5.1e", "x", 42, 3.14159, 1234.5);
    printf("c: format %d [%s]\n", len, buf);
}

// A C-variadic consumer of a va_list handed over by Rust.
int64_t c_sum_va(int n, va_list ap) {
    int64_t s = 0;
    for (int i = 0; i < n; i++) s += va_arg(ap, int64_t);
    return s;
}
