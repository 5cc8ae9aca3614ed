/* How fast this machine gives a process memory it has not touched before, and memory it
 * touches again. Maps 2 GiB three times, writes one byte per 4 KiB page (the first touch: the
 * kernel clears each page), then writes the whole mapping (memory already there).
 *
 *   cc -O2 -o /tmp/first_touch bench/first_touch.c && /tmp/first_touch 1
 *
 * The argument asks for transparent huge pages (1) or not (0). See docs/benchmarks.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
    size_t n = (size_t)2 << 30;
    int huge = argc > 1 ? atoi(argv[1]) : 1;
    for (int round = 0; round < 3; round++) {
        char *p = mmap(0, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) {
            perror("mmap");
            return 1;
        }
        if (huge)
            madvise(p, n, MADV_HUGEPAGE);
        double t0 = now();
        for (size_t i = 0; i < n; i += 4096)
            p[i] = 1;
        double t1 = now();
        memset(p, 2, n);
        double t2 = now();
        printf("huge pages %d, round %d: first touch %.2f GB/s, writing it again %.2f GB/s\n",
               huge, round, n / 1e9 / (t1 - t0), n / 1e9 / (t2 - t1));
        munmap(p, n);
    }
    return 0;
}
