/*
 * qsort as a heapsort: O(n log n) even on inputs that make a naive
 * quicksort quadratic, no recursion, no extra memory.  (Not stable; C does
 * not ask qsort to be.)
 */
#include <stdlib.h>

static void
swap_bytes(char *a, char *b, size_t size)
{
    while (size-- > 0) {
        char t = *a;
        *a++ = *b;
        *b++ = t;
    }
}

/* Move element i down the heap of n elements until both children are
 * no larger than it. */
static void
sift_down(char *base, size_t i, size_t n, size_t size,
          int (*compare)(const void *, const void *))
{
    for (;;) {
        size_t child = 2 * i + 1;
        if (child >= n)
            return;
        if (child + 1 < n && compare(base + child * size, base + (child + 1) * size) < 0)
            child++;
        if (compare(base + i * size, base + child * size) >= 0)
            return;
        swap_bytes(base + i * size, base + child * size, size);
        i = child;
    }
}

void
qsort(void *base, size_t n, size_t size, int (*compare)(const void *, const void *))
{
    char *b = base;

    if (n < 2 || size == 0)
        return;
    for (size_t i = n / 2; i-- > 0; )           /* build a max-heap */
        sift_down(b, i, n, size, compare);
    for (size_t end = n - 1; end > 0; end--) {  /* move the max to the back */
        swap_bytes(b, b + end * size, size);
        sift_down(b, 0, end, size, compare);
    }
}
