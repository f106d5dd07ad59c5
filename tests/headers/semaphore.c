/* <semaphore.h>: every declaration this program names must be there, and every
 * function must link (tests/tools/test_headers.py builds it). */
#include <fcntl.h>
#include <semaphore.h>

static volatile int never;

int
main(void)
{
    sem_t s, *named;
    int v;
    struct timespec t = { 0, 0 };
    long max = SEM_VALUE_MAX;

    (void)max;
    if (never) {
        sem_init(&s, 1, 0); sem_post(&s); sem_wait(&s); sem_trywait(&s); sem_timedwait(&s, &t); sem_getvalue(&s, &v); sem_destroy(&s);
        named = sem_open("/x", O_CREAT, 0600, 1); if (named == SEM_FAILED) return 1; sem_close(named); sem_unlink("/x");
    }
    return 0;
}
