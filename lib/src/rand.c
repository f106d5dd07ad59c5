/* rand and srand: the linear congruential generator of the C standard's
 * example (values 0..RAND_MAX = 32767; srand(1) is the initial state). */
#include <stdlib.h>

static unsigned long rand_state = 1;

int
rand(void)
{
    rand_state = rand_state * 1103515245 + 12345;
    return (int)((rand_state / 65536) % 32768);
}

void
srand(unsigned int seed)
{
    rand_state = seed;
}
