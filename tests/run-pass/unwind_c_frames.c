/* C frames between Rust frames: built with -fexceptions so they have unwind tables. */
#include <stdio.h>

typedef void (*cb_t)(int);

int c_call_twice(cb_t cb, int x) {
    cb(x);
    cb(x + 1);
    return x * 2;
}

static void note(int *p) {
    printf("c cleanup %d\n", *p);
    fflush(stdout);
}

int c_with_cleanup(cb_t cb, int x) {
    int guard __attribute__((cleanup(note))) = x;
    cb(x);
    return guard + 1;
}
