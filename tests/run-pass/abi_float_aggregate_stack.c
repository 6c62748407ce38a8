// C side of abi_float_aggregate_stack.rs: float aggregates (HFAs) that the SIMD argument
// registers cannot hold go on the stack whole (AAPCS64), in both directions.
#include <stdio.h>

typedef struct { float v[4]; } F4;
typedef struct { float a, b, c; } F3;
typedef struct { float a, b; } F2;
typedef struct { double a, b, c; } D3;

static double f4(F4 s) { return s.v[0] + 2 * s.v[1] + 3 * s.v[2] + 4 * s.v[3]; }

double c_after_seven(double a, double b, double c, double d, double e, double f, double g,
                     F4 s, float after, int i, D3 t) {
    printf("c_after_seven %g %g %g %g %g %g %g | %g %g %g %g | %g %d | %g %g %g\n", a, b, c, d,
           e, f, g, s.v[0], s.v[1], s.v[2], s.v[3], after, i, t.a, t.b, t.c);
    return a + b + c + d + e + f + g + f4(s) + after + i + t.a + t.b + t.c;
}

double c_three(F4 a, F4 b, F4 c, F3 d, F2 e) {
    printf("c_three %g %g %g %g %g %g %g %g %g\n", f4(a), f4(b), f4(c), d.a, d.b, d.c, e.a, e.b,
           f4(a) + f4(b));
    return f4(a) + f4(b) + f4(c) + d.a + d.b + d.c + e.a + e.b;
}

double rs_after_seven(double, double, double, double, double, double, double, F4, float, int, D3);
double rs_three(F4, F4, F4, F3, F2);
double rs_pad_two(double, double, double, double, double, double, D3, float, F2);

void c_calls_rust(void) {
    F4 s = {{1.5f, 2.5f, 3.5f, 4.5f}};
    D3 t = {10.25, 20.5, 30.75};
    printf("c: %g\n", rs_after_seven(1, 2, 3, 4, 5, 6, 7, s, 8.5f, 9, t));
    F4 a = {{1, 2, 3, 4}}, b = {{5, 6, 7, 8}}, c = {{9, 10, 11, 12}};
    F3 d = {13.5f, 14.5f, 15.5f};
    F2 e = {16.25f, 17.25f};
    printf("c: %g\n", rs_three(a, b, c, d, e));
    printf("c: %g\n", rs_pad_two(1, 2, 3, 4, 5, 6, t, 0.125f, e));
}
