/*
 * test_shm -- System V shared memory: shmget, shmat, shmdt, shmctl, row by
 * row of the checklist, with attachments through fork, exit and exec, and
 * no frame leaked by thousands of get/attach/detach/remove cycles.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <parley.h>

#include "check.h"
#include "ipc_check.h"

#define PAGE 4096
#define KEY  ((key_t)0x5348)            /* "SH": only these cases use it */

static int
new_segment(size_t size)
{
    int id = shmget(IPC_PRIVATE, size, IPC_CREAT | 0600);

    CHECK(id >= 0);
    return id;
}

static char *
attach(int id, const void *addr, int flags)
{
    char *p = shmat(id, addr, flags);

    CHECK(p != (char *)-1);
    return p;
}

static struct shmid_ds
stat_of(int id)
{
    struct shmid_ds ds;

    CHECK_OK(shmctl(id, IPC_STAT, &ds));
    return ds;
}

static unsigned long
nattch(int id)
{
    return stat_of(id).shm_nattch;
}

static void
remove_segment(int id)
{
    CHECK_OK(shmctl(id, IPC_RMID, NULL));
}

/* ---- shmget --------------------------------------------------------------- */

static void
case_new_segment_is_zero_filled_and_keeps_its_unaligned_size(void)
{
    time_t before = time(NULL);
    int id = new_segment(PAGE + 10), i;
    struct shmid_ds ds = stat_of(id);
    unsigned char *p;

    CHECK_EQ(ds.shm_segsz, PAGE + 10);
    CHECK_EQ(ds.shm_cpid, getpid());
    CHECK_EQ(ds.shm_lpid, 0);
    CHECK_EQ(ds.shm_nattch, 0);
    CHECK_EQ(ds.shm_atime, 0);
    CHECK_EQ(ds.shm_dtime, 0);
    CHECK(ds.shm_ctime >= before && ds.shm_ctime <= time(NULL));
    CHECK_EQ(ds.shm_perm.mode & 0777, 0600);
    CHECK_EQ(ds.shm_perm.cuid, geteuid());
    p = (unsigned char *)attach(id, NULL, 0);
    for (i = 0; i < 2 * PAGE; i++)      /* the mapping is whole pages */
        if (p[i] != 0)
            CHECK_EQ(p[i], 0);
    remove_segment(id);
}

static void
case_size_zero_or_past_shmmax_is_einval(void)
{
    CHECK_ERR(shmget(IPC_PRIVATE, 0, IPC_CREAT | 0600), EINVAL);
    CHECK_ERR(shmget(IPC_PRIVATE, (size_t)SHMMAX + 1, IPC_CREAT | 0600), EINVAL);
}

static void
case_existing_key_with_a_bigger_size_is_einval(void)
{
    int id = shmget(KEY, PAGE, IPC_CREAT | 0600);

    CHECK(id >= 0);
    CHECK_EQ(shmget(KEY, PAGE / 2, 0600), id);   /* smaller fits */
    CHECK_ERR(shmget(KEY, 2 * PAGE, 0600), EINVAL);
    remove_segment(id);
}

static void
case_existing_key_with_creat_excl_is_eexist(void)
{
    int id = shmget(KEY, PAGE, IPC_CREAT | 0600);

    CHECK(id >= 0);
    CHECK_ERR(shmget(KEY, PAGE, IPC_CREAT | IPC_EXCL | 0600), EEXIST);
    remove_segment(id);
}

static void
case_absent_key_without_creat_is_enoent(void)
{
    CHECK_ERR(shmget(KEY, PAGE, 0600), ENOENT);
}

static void
case_segment_table_full_is_enospc(void)
{
    static int ids[SHMMNI + 1];
    int n = 0, i;

    while (n <= SHMMNI && (ids[n] = shmget(IPC_PRIVATE, PAGE, IPC_CREAT | 0600)) >= 0)
        n++;
    CHECK_EQ(ids[n], -1);
    CHECK_EQ(errno, ENOSPC);
    CHECK(n > 0);
    for (i = 0; i < n; i++)
        remove_segment(ids[i]);
}

/* ---- shmat ---------------------------------------------------------------- */

static void
case_shmat_null_picks_an_aligned_address_and_updates_stat(void)
{
    int id = new_segment(PAGE);
    time_t before = time(NULL);
    char *p = attach(id, NULL, 0);
    struct shmid_ds ds = stat_of(id);

    CHECK_EQ((uintptr_t)p % SHMLBA, 0);
    CHECK_EQ(ds.shm_nattch, 1);
    CHECK_EQ(ds.shm_lpid, getpid());
    CHECK(ds.shm_atime >= before);
    remove_segment(id);
}

static void
case_attach_twice_gives_two_addresses_on_the_same_memory(void)
{
    int id = new_segment(PAGE);
    char *a = attach(id, NULL, 0), *b = attach(id, NULL, 0);

    CHECK(a != b);
    CHECK_EQ(nattch(id), 2);
    a[100] = 'q';
    CHECK_EQ(b[100], 'q');
    remove_segment(id);
}

/* A free page-aligned address is used exactly; an unaligned one is EINVAL
 * unless SHM_RND rounds it down. */
static void
case_shmat_at_a_given_address(void)
{
    int id = new_segment(PAGE);
    char *free_at = mmap(NULL, 4 * PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), *p;

    CHECK(free_at != MAP_FAILED);
    CHECK_OK(munmap(free_at, 4 * PAGE));
    p = attach(id, free_at + PAGE, 0);
    CHECK(p == free_at + PAGE);
    CHECK_ERR((long)shmat(id, free_at + 2 * PAGE + 8, 0), EINVAL);
    p = attach(id, free_at + 2 * PAGE + 8, SHM_RND);
    CHECK(p == free_at + 2 * PAGE);
    CHECK_ERR((long)shmat(id, free_at + PAGE, 0), EINVAL);   /* taken */
    remove_segment(id);
}

static void
case_shm_rdonly_reads_and_a_write_raises_sigsegv(void)
{
    int id = new_segment(PAGE);
    char *rw = attach(id, NULL, 0), *ro = attach(id, NULL, SHM_RDONLY);

    rw[0] = 'r';
    CHECK_EQ(ro[0], 'r');
    check_killed_by(check_fork_status_at(check_touch_write, ro), SIGSEGV);
    CHECK_ERR(mprotect(ro, PAGE, PROT_READ | PROT_WRITE), EACCES);
    remove_segment(id);
}

static void
case_shmat_of_an_invalid_id_is_einval(void)
{
    int id = new_segment(PAGE);

    remove_segment(id);
    CHECK_ERR((long)shmat(id, NULL, 0), EINVAL);
    CHECK_ERR((long)shmat(-1, NULL, 0), EINVAL);
    CHECK_ERR((long)shmat(123456, NULL, 0), EINVAL);
}

/* Nonsense from a program is an errno, never a crash of the kernel. */
static void
case_bad_addresses_sizes_and_ids_give_errors(void)
{
    int id = new_segment(PAGE);

    CHECK_ERR((long)shmat(id, (void *)0xC0000000u, 0), EINVAL);
    CHECK_ERR((long)shmat(id, (void *)0xFFFFF000u, SHM_RND), EINVAL);
    CHECK_ERR((long)shmat(id, (void *)0x1000, 0), EINVAL);   /* below the area */
    CHECK_ERR(shmdt(NULL), EINVAL);
    CHECK_ERR(shmdt((void *)0xC0000000u), EINVAL);
    CHECK_ERR(shmctl(id, IPC_SET, (struct shmid_ds *)0xC0000000u), EFAULT);
    CHECK_ERR(shmctl(0, SHM_INFO, (struct shmid_ds *)8), EFAULT);
    CHECK_ERR(shmget(IPC_PRIVATE, (size_t)-1, IPC_CREAT | 0600), EINVAL);
    CHECK_ERR(shmctl(-7, IPC_STAT, &(struct shmid_ds){0}), EINVAL);
    CHECK_ERR(shmctl(99999, SHM_STAT, &(struct shmid_ds){0}), EINVAL);
    remove_segment(id);
}

static void
case_shmat_without_permission_is_eacces(void)
{
    int id = new_segment(PAGE), status;
    pid_t pid = fork();

    if (pid == 0) {
        if (setuid(1000) < 0)
            _exit(2);
        errno = 0;
        if (shmat(id, NULL, 0) != (void *)-1 || errno != EACCES)
            _exit(1);
        _exit(shmctl(id, IPC_RMID, NULL) == -1 && errno == EPERM ? 0 : 3);
    }
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(status, 0);
    remove_segment(id);
}

/* A value one process writes, another reads at a different address. */
static void
case_two_processes_share_through_different_addresses(void)
{
    int id = new_segment(PAGE), status;
    char *p = attach(id, NULL, 0);
    pid_t pid = fork();

    if (pid == 0) {
        char *q = shmat(id, NULL, 0);   /* p is taken: another address */
        if (q == (char *)-1 || q == p)
            _exit(1);
        strcpy(q, "hello from the child");
        _exit(0);
    }
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(status, 0);
    CHECK_STR_EQ(p, "hello from the child");
    remove_segment(id);
}

/* ---- fork, exit, exec ------------------------------------------------------ */

static void
case_fork_inherits_attachments_and_counts_them(void)
{
    int id = new_segment(PAGE), fds[2], status;
    char *p = attach(id, NULL, 0), c;
    pid_t pid;

    CHECK_OK(pipe(fds));
    pid = fork();
    if (pid == 0) {
        p[0] = 'c';
        read(fds[0], &c, 1);
        _exit(0);
    }
    CHECK_EQ(nattch(id), 2);
    CHECK_EQ(write(fds[1], "g", 1), 1);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(p[0], 'c');
    CHECK_EQ(nattch(id), 1);            /* exit detached the child's */
    remove_segment(id);
}

/* exec drops the attachments: the count falls while the new program (cat,
 * blocked on an empty pipe) still runs. */
static void
case_exec_detaches_everything(void)
{
    int id = new_segment(PAGE), fds[2], status, tries;
    pid_t pid;

    attach(id, NULL, 0);
    CHECK_OK(pipe(fds));
    pid = fork();
    if (pid == 0) {
        dup2(fds[0], 0);
        close(fds[1]);
        execl("/bin/cat", "cat", (char *)NULL);
        _exit(127);
    }
    close(fds[0]);
    for (tries = 0; tries < 500 && nattch(id) != 1; tries++)
        check_sleep_ms(10);
    CHECK_EQ(nattch(id), 1);
    CHECK_EQ(kill(pid, 0), 0);          /* still alive */
    close(fds[1]);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(status, 0);
    remove_segment(id);
}

/* ---- shmdt ------------------------------------------------------------------ */

static void
case_shmdt_detaches_and_updates_stat(void)
{
    int id = new_segment(PAGE);
    time_t before = time(NULL);
    char *p = attach(id, NULL, 0);
    struct shmid_ds ds;

    CHECK_OK(shmdt(p));
    ds = stat_of(id);
    CHECK_EQ(ds.shm_nattch, 0);
    CHECK_EQ(ds.shm_lpid, getpid());
    CHECK(ds.shm_dtime >= before);
    remove_segment(id);
}

static void
case_shmdt_of_a_non_attach_address_is_einval(void)
{
    int id = new_segment(2 * PAGE);
    char *p = attach(id, NULL, 0);
    char *anon = mmap(NULL, PAGE, PROT_READ, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

    CHECK_ERR(shmdt(p + 1), EINVAL);
    CHECK_ERR(shmdt(p + PAGE), EINVAL);
    CHECK_ERR(shmdt(anon), EINVAL);
    CHECK_OK(shmdt(p));
    CHECK_ERR(shmdt(p), EINVAL);
    remove_segment(id);
}

static void
case_access_after_shmdt_raises_sigsegv(void)
{
    int id = new_segment(PAGE);
    char *p = attach(id, NULL, 0);

    p[0] = 1;
    CHECK_OK(shmdt(p));
    check_killed_by(check_fork_status_at(check_touch_read, p), SIGSEGV);
    remove_segment(id);
}

/* An mprotect inside an attachment splits it; shmdt takes every piece. */
static void
case_shmdt_takes_a_split_attachment_whole(void)
{
    int id = new_segment(3 * PAGE);
    char *p = attach(id, NULL, 0);

    CHECK_OK(mprotect(p + PAGE, PAGE, PROT_READ));
    CHECK_OK(shmdt(p));
    CHECK_EQ(nattch(id), 0);
    check_killed_by(check_fork_status_at(check_touch_read, p + 2 * PAGE), SIGSEGV);
    remove_segment(id);
}

static void
case_data_persists_with_no_attachment(void)
{
    int id = new_segment(PAGE);
    char *p = attach(id, NULL, 0);

    strcpy(p, "kept");
    CHECK_OK(shmdt(p));
    p = attach(id, NULL, 0);
    CHECK_STR_EQ(p, "kept");
    remove_segment(id);
}

/* ---- shmctl ------------------------------------------------------------------ */

static void
case_ipc_set_changes_the_mode(void)
{
    int id = new_segment(PAGE);
    struct shmid_ds ds = stat_of(id);

    ds.shm_perm.mode = 0640;
    CHECK_OK(shmctl(id, IPC_SET, &ds));
    CHECK_EQ(stat_of(id).shm_perm.mode & 0777, 0640);
    remove_segment(id);
}

/* IPC_SET gives the segment to another owner: that user may now attach
 * through the owner bits, and the creator fields do not change. */
static void
case_ipc_set_changes_the_owner(void)
{
    int id = new_segment(PAGE), status;
    struct shmid_ds ds = stat_of(id);
    pid_t pid;

    ds.shm_perm.uid = 1000;
    ds.shm_perm.gid = 1000;
    ds.shm_perm.mode = 0600;
    CHECK_OK(shmctl(id, IPC_SET, &ds));
    ds = stat_of(id);
    CHECK_EQ(ds.shm_perm.uid, 1000);
    CHECK_EQ(ds.shm_perm.gid, 1000);
    CHECK_EQ(ds.shm_perm.cuid, geteuid());
    pid = fork();
    if (pid == 0) {
        if (setgid(1000) < 0 || setuid(1000) < 0)
            _exit(2);
        _exit(shmat(id, NULL, 0) == (void *)-1 ? 1 : 0);
    }
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(status, 0);
    remove_segment(id);
}

static void
case_bad_command_is_einval_and_bad_buffer_efault(void)
{
    int id = new_segment(PAGE);

    CHECK_ERR(shmctl(id, 12345, NULL), EINVAL);
    CHECK_ERR(shmctl(id, IPC_STAT, (struct shmid_ds *)0xC0000000u), EFAULT);
    CHECK_ERR(shmctl(id, IPC_STAT, (struct shmid_ds *)8), EFAULT);
    remove_segment(id);
    CHECK_ERR(shmctl(id, IPC_RMID, NULL), EINVAL);
}

/* IPC_RMID while attached: the key finds it no more, the memory works,
 * a second IPC_RMID is harmless, and the last shmdt frees it. */
static void
case_rmid_while_attached_frees_at_the_last_detach(void)
{
    struct kstat k0, k1;
    struct shmid_ds ds;
    int id;
    char *p, *q;

    CHECK_OK(kstat(&k0));
    id = shmget(KEY, PAGE, IPC_CREAT | 0600);
    CHECK(id >= 0);
    p = attach(id, NULL, 0);
    remove_segment(id);
    CHECK_ERR(shmget(KEY, PAGE, 0600), ENOENT);
    CHECK(stat_of(id).shm_perm.mode & SHM_DEST);
    p[0] = 'm';
    CHECK_EQ(p[0], 'm');
    remove_segment(id);                 /* again: not freed twice */
    q = attach(id, NULL, 0);            /* Linux allows it, and so do we */
    CHECK_EQ(nattch(id), 2);
    CHECK_OK(kstat(&k1));
    CHECK_EQ(k1.count[KSTAT_shm_segments], k0.count[KSTAT_shm_segments] + 1);
    CHECK_OK(shmdt(p));
    CHECK_EQ(q[0], 'm');                /* still there for the last one */
    CHECK_OK(shmdt(q));
    CHECK_ERR(shmctl(id, IPC_STAT, &ds), EINVAL);
    CHECK_OK(kstat(&k1));
    CHECK_EQ(k1.count[KSTAT_shm_segments], k0.count[KSTAT_shm_segments]);
}

static void
case_last_detach_of_a_removed_segment_frees_it(void)
{
    struct kstat k0, k1;
    int id;
    char *p;

    CHECK_OK(kstat(&k0));
    id = new_segment(4 * PAGE);
    p = attach(id, NULL, 0);
    remove_segment(id);
    CHECK_OK(shmdt(p));
    CHECK_ERR(shmctl(id, IPC_STAT, &(struct shmid_ds){0}), EINVAL);
    CHECK_OK(kstat(&k1));
    CHECK_EQ(k1.count[KSTAT_shm_segments], k0.count[KSTAT_shm_segments]);
    CHECK_EQ(k1.count[KSTAT_shm_frames], k0.count[KSTAT_shm_frames]);
}

/* shm_atime and shm_dtime are the wall-clock second of the call, the same
 * second time() gives, also across second boundaries (the kernel keeps
 * the current second and checks the clock only for its end). */
static void
case_attach_times_agree_with_time_across_seconds(void)
{
    int id = new_segment(PAGE), seconds = 0;
    time_t last = time(NULL);

    while (seconds < 2) {               /* about 1.5 s: two boundaries crossed */
        time_t t0 = time(NULL), t1;
        struct shmid_ds ds;

        CHECK_OK(shmdt(attach(id, NULL, 0)));
        ds = stat_of(id);
        t1 = time(NULL);
        CHECK(ds.shm_atime >= t0 && ds.shm_atime <= t1);
        CHECK(ds.shm_dtime >= ds.shm_atime && ds.shm_dtime <= t1);
        if (t1 != last) {
            seconds++;
            last = t1;
        }
    }
    remove_segment(id);
}

static void
case_shm_info_and_ipc_info_report_the_table(void)
{
    struct shm_info info;
    struct shminfo limits;
    int id = new_segment(3 * PAGE), max;

    max = shmctl(0, SHM_INFO, (struct shmid_ds *)&info);
    CHECK(max >= 0);
    CHECK(info.used_ids >= 1);
    CHECK(info.shm_tot >= 3);
    CHECK(shmctl(0, IPC_INFO, (struct shmid_ds *)&limits) >= 0);
    CHECK_EQ(limits.shmmax, SHMMAX);
    CHECK(limits.shmmni > 0 && limits.shmmni <= SHMMNI);  /* fewer with SMALL=1 */
    CHECK_EQ(shmctl(id % 32768, SHM_STAT, &(struct shmid_ds){0}), id);
    remove_segment(id);
}

/* ---- the demos ------------------------------------------------------------------ */

/* demo_shm_sem: with the semaphore around the update nothing is lost. */
static void
case_demo_shm_sem_loses_no_update(void)
{
    char out[256];

    CHECK_EQ(ipc_run_tool("demo_shm_sem", "20000", NULL, NULL, out, sizeof out), 0);
    CHECK(strstr(out, "expected 40000, counter says 40000: 0 updates lost\n") != NULL);
}

/* demo_shm_race: how many updates it loses depends on where the timer
 * strikes, so only its arithmetic is checked. */
static void
case_demo_shm_race_reports_what_it_lost(void)
{
    char out[256];
    long expected = 0, counter = 0, lost = -1;

    CHECK_EQ(ipc_run_tool("demo_shm_race", "20000", NULL, NULL, out, sizeof out), 0);
    CHECK_EQ(sscanf(out, "expected %ld, counter says %ld: %ld updates lost",
                    &expected, &counter, &lost), 3);
    CHECK_EQ(expected, 40000);
    CHECK(counter > 0 && counter <= expected);
    CHECK_EQ(lost, expected - counter);
}

/* demo_shm_ring: every item passes through the eight slots. */
static void
case_demo_shm_ring_delivers_every_item(void)
{
    static char out[4096];

    CHECK_EQ(ipc_run_tool("demo_shm_ring", "300", NULL, NULL, out, sizeof out), 0);
    CHECK(strstr(out, "consumer got 300 of 300 items through 8 slots\n") != NULL);
}

/* ---- leaks -------------------------------------------------------------------- */

static void
case_thousands_of_cycles_leak_nothing(void)
{
    struct kstat k0, k1;
    int i, id;
    char *p;

    for (i = -1; i < 2000; i++) {
        if (i == 0)
            CHECK_OK(kstat(&k0));       /* after one round made the page table */
        id = new_segment(2 * PAGE);
        p = attach(id, NULL, 0);
        p[0] = p[PAGE] = 1;
        if (i % 2)
            remove_segment(id);         /* removed while attached... */
        CHECK_OK(shmdt(p));
        if (i % 2 == 0)
            remove_segment(id);         /* ...or after */
    }
    CHECK_OK(kstat(&k1));
    CHECK_EQ(k1.frames_free, k0.frames_free);
    CHECK_EQ(k1.count[KSTAT_shm_segments], k0.count[KSTAT_shm_segments]);
    CHECK_EQ(k1.count[KSTAT_shm_frames], k0.count[KSTAT_shm_frames]);
    CHECK_EQ(k1.count[KSTAT_regions], k0.count[KSTAT_regions]);
}

/* Segments with attachments in a process that dies leave nothing behind. */
static void
attach_and_die(char *arg)
{
    int id = shmget(IPC_PRIVATE, 8 * PAGE, IPC_CREAT | 0600);
    char *p = shmat(id, NULL, 0);

    (void)arg;
    shmctl(id, IPC_RMID, NULL);
    p[0] = 1;
    *(volatile char *)0 = 0;            /* killed with it attached */
}

static void
case_a_killed_process_detaches_and_frees(void)
{
    struct kstat k0, k1;

    check_killed_by(check_fork_status_at(attach_and_die, NULL), SIGSEGV);
    CHECK_OK(kstat(&k0));
    check_killed_by(check_fork_status_at(attach_and_die, NULL), SIGSEGV);
    CHECK_OK(kstat(&k1));
    CHECK_EQ(k1.frames_free, k0.frames_free);
    CHECK_EQ(k1.count[KSTAT_shm_segments], k0.count[KSTAT_shm_segments]);
}

/* ---- ipcs -m, ipcrm -m / -M ---------------------------------------------- */

/* ipcs -m: key, id, owner, perms, bytes, nattch; "dest" once removed
 * while attached (and the key shows as 0, as on Linux). */
static void
case_ipcs_m_lists_segments_in_linux_format(void)
{
    int id = shmget(KEY, 5000, IPC_CREAT | 0640);
    char out[4096], want[128];

    CHECK(id >= 0);
    attach(id, NULL, 0);
    CHECK_EQ(ipc_run_tool("ipcs", "-m", 0, 0, out, sizeof out), 0);
    CHECK(strstr(out, "------ Shared Memory Segments --------") != NULL);
    snprintf(want, sizeof want, "0x%08x %-10d %-10s %-10o %-10d %-10d \n",
             (unsigned)KEY, id, "root", 0640, 5000, 1);
    CHECK(strstr(out, want) != NULL);
    remove_segment(id);
    CHECK_EQ(ipc_run_tool("ipcs", "-m", 0, 0, out, sizeof out), 0);
    snprintf(want, sizeof want, "0x00000000 %-10d %-10s %-10o %-10d %-10d dest",
             id, "root", 0640, 5000, 1);
    CHECK(strstr(out, want) != NULL);
}

/* (Detached first: the tool's own fork and exec would count and set lpid.) */
static void
case_ipcs_m_i_shows_one_segment(void)
{
    int id = new_segment(3 * PAGE);
    char out[2048], idtext[16], want[128];

    CHECK_OK(shmdt(attach(id, NULL, 0)));
    snprintf(idtext, sizeof idtext, "%d", id);
    CHECK_EQ(ipc_run_tool("ipcs", "-m", "-i", idtext, out, sizeof out), 0);
    snprintf(want, sizeof want, "Shared memory Segment shmid=%d\n", id);
    CHECK(strstr(out, want) != NULL);
    snprintf(want, sizeof want, "bytes=%d\tlpid=%d\tcpid=%d\tnattch=0\n",
             3 * PAGE, getpid(), getpid());
    CHECK(strstr(out, want) != NULL);
    CHECK(strstr(out, "mode=0600, access_perms=0600") != NULL);
    remove_segment(id);
}

static void
case_ipcrm_removes_by_id_and_by_key(void)
{
    int by_key = shmget(KEY, PAGE, IPC_CREAT | 0600), by_id = new_segment(PAGE);
    char out[1024], idtext[16];

    CHECK(by_key >= 0);
    snprintf(idtext, sizeof idtext, "%d", by_id);
    CHECK_EQ(ipc_run_tool("ipcrm", "-M", "0x5348", 0, out, sizeof out), 0);
    CHECK_ERR(shmget(KEY, PAGE, 0600), ENOENT);
    CHECK_EQ(ipc_run_tool("ipcrm", "-m", idtext, 0, out, sizeof out), 0);
    CHECK_ERR(shmctl(by_id, IPC_STAT, &(struct shmid_ds){0}), EINVAL);
    CHECK(ipc_run_tool("ipcrm", "-m", idtext, 0, out, sizeof out) != 0);
    CHECK(strstr(out, "invalid id") != NULL);
}

int
main(int argc, char **argv)
{
    static const struct check_case cases[] = {
        CHECK_CASE(new_segment_is_zero_filled_and_keeps_its_unaligned_size),
        CHECK_CASE(size_zero_or_past_shmmax_is_einval),
        CHECK_CASE(existing_key_with_a_bigger_size_is_einval),
        CHECK_CASE(existing_key_with_creat_excl_is_eexist),
        CHECK_CASE(absent_key_without_creat_is_enoent),
        CHECK_CASE(segment_table_full_is_enospc),
        CHECK_CASE(shmat_null_picks_an_aligned_address_and_updates_stat),
        CHECK_CASE(attach_twice_gives_two_addresses_on_the_same_memory),
        CHECK_CASE(shmat_at_a_given_address),
        CHECK_CASE(shm_rdonly_reads_and_a_write_raises_sigsegv),
        CHECK_CASE(shmat_of_an_invalid_id_is_einval),
        CHECK_CASE(bad_addresses_sizes_and_ids_give_errors),
        CHECK_CASE(shmat_without_permission_is_eacces),
        CHECK_CASE(two_processes_share_through_different_addresses),
        CHECK_CASE(fork_inherits_attachments_and_counts_them),
        CHECK_CASE(exec_detaches_everything),
        CHECK_CASE(shmdt_detaches_and_updates_stat),
        CHECK_CASE(shmdt_of_a_non_attach_address_is_einval),
        CHECK_CASE(access_after_shmdt_raises_sigsegv),
        CHECK_CASE(shmdt_takes_a_split_attachment_whole),
        CHECK_CASE(data_persists_with_no_attachment),
        CHECK_CASE(ipc_set_changes_the_mode),
        CHECK_CASE(ipc_set_changes_the_owner),
        CHECK_CASE(bad_command_is_einval_and_bad_buffer_efault),
        CHECK_CASE(rmid_while_attached_frees_at_the_last_detach),
        CHECK_CASE(last_detach_of_a_removed_segment_frees_it),
        CHECK_CASE(attach_times_agree_with_time_across_seconds),
        CHECK_CASE(shm_info_and_ipc_info_report_the_table),
        CHECK_CASE(thousands_of_cycles_leak_nothing),
        CHECK_CASE(a_killed_process_detaches_and_frees),
        CHECK_CASE(ipcs_m_lists_segments_in_linux_format),
        CHECK_CASE(ipcs_m_i_shows_one_segment),
        CHECK_CASE(ipcrm_removes_by_id_and_by_key),
        CHECK_CASE(demo_shm_sem_loses_no_update),
        CHECK_CASE(demo_shm_race_reports_what_it_lost),
        CHECK_CASE(demo_shm_ring_delivers_every_item),
    };
    return check_main("shm", cases, CHECK_NCASES(cases), argc, argv);
}
