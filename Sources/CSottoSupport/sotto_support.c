#define _GNU_SOURCE  // explicit_bzero, sync_file_range, F_OFD_SETLK
#include "sotto_support.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <string.h>
#include <errno.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int sotto_disable_dumping(void) {
    return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

int sotto_sqlite_enable_defensive(void *db) {
    int enabled = 0;
    int rc = sqlite3_db_config((sqlite3 *)db, SQLITE_DBCONFIG_DEFENSIVE, 1, &enabled);
    if (rc != SQLITE_OK) return rc;
    return enabled == 1 ? SQLITE_OK : SQLITE_ERROR;
}

#if defined(__x86_64__)
__attribute__((target("avx512f"))) static void clear_avx512(void) {
    __asm__ __volatile__(
        "vpxord %%zmm0, %%zmm0, %%zmm0\n vpxord %%zmm1, %%zmm1, %%zmm1\n"
        "vpxord %%zmm2, %%zmm2, %%zmm2\n vpxord %%zmm3, %%zmm3, %%zmm3\n"
        "vpxord %%zmm4, %%zmm4, %%zmm4\n vpxord %%zmm5, %%zmm5, %%zmm5\n"
        "vpxord %%zmm6, %%zmm6, %%zmm6\n vpxord %%zmm7, %%zmm7, %%zmm7\n"
        "vpxord %%zmm8, %%zmm8, %%zmm8\n vpxord %%zmm9, %%zmm9, %%zmm9\n"
        "vpxord %%zmm10, %%zmm10, %%zmm10\n vpxord %%zmm11, %%zmm11, %%zmm11\n"
        "vpxord %%zmm12, %%zmm12, %%zmm12\n vpxord %%zmm13, %%zmm13, %%zmm13\n"
        "vpxord %%zmm14, %%zmm14, %%zmm14\n vpxord %%zmm15, %%zmm15, %%zmm15\n"
        "vpxord %%zmm16, %%zmm16, %%zmm16\n vpxord %%zmm17, %%zmm17, %%zmm17\n"
        "vpxord %%zmm18, %%zmm18, %%zmm18\n vpxord %%zmm19, %%zmm19, %%zmm19\n"
        "vpxord %%zmm20, %%zmm20, %%zmm20\n vpxord %%zmm21, %%zmm21, %%zmm21\n"
        "vpxord %%zmm22, %%zmm22, %%zmm22\n vpxord %%zmm23, %%zmm23, %%zmm23\n"
        "vpxord %%zmm24, %%zmm24, %%zmm24\n vpxord %%zmm25, %%zmm25, %%zmm25\n"
        "vpxord %%zmm26, %%zmm26, %%zmm26\n vpxord %%zmm27, %%zmm27, %%zmm27\n"
        "vpxord %%zmm28, %%zmm28, %%zmm28\n vpxord %%zmm29, %%zmm29, %%zmm29\n"
        "vpxord %%zmm30, %%zmm30, %%zmm30\n vpxord %%zmm31, %%zmm31, %%zmm31\n"
        ::: "memory");
}

__attribute__((target("avx"))) static void clear_avx(void) {
    __asm__ __volatile__("vzeroall" ::: "memory");
}
#endif

void sotto_clear_vector_registers(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) {
        clear_avx512();
    } else if (__builtin_cpu_supports("avx")) {
        clear_avx();
    } else {
        __asm__ __volatile__(
            "pxor %%xmm0, %%xmm0\n pxor %%xmm1, %%xmm1\n pxor %%xmm2, %%xmm2\n"
            "pxor %%xmm3, %%xmm3\n pxor %%xmm4, %%xmm4\n pxor %%xmm5, %%xmm5\n"
            "pxor %%xmm6, %%xmm6\n pxor %%xmm7, %%xmm7\n pxor %%xmm8, %%xmm8\n"
            "pxor %%xmm9, %%xmm9\n pxor %%xmm10, %%xmm10\n pxor %%xmm11, %%xmm11\n"
            "pxor %%xmm12, %%xmm12\n pxor %%xmm13, %%xmm13\n pxor %%xmm14, %%xmm14\n"
            "pxor %%xmm15, %%xmm15\n" ::: "memory");
    }
#elif defined(__aarch64__)
    __asm__ __volatile__(
        "movi v0.16b, #0\n movi v1.16b, #0\n movi v2.16b, #0\n movi v3.16b, #0\n"
        "movi v4.16b, #0\n movi v5.16b, #0\n movi v6.16b, #0\n movi v7.16b, #0\n"
        "movi v16.16b, #0\n movi v17.16b, #0\n movi v18.16b, #0\n movi v19.16b, #0\n"
        "movi v20.16b, #0\n movi v21.16b, #0\n movi v22.16b, #0\n movi v23.16b, #0\n"
        "movi v24.16b, #0\n movi v25.16b, #0\n movi v26.16b, #0\n movi v27.16b, #0\n"
        "movi v28.16b, #0\n movi v29.16b, #0\n movi v30.16b, #0\n movi v31.16b, #0\n"
        ::: "memory");
#endif
}

void sotto_scrub_stack(void) {
    // First the registers: the first call into a shared library (explicit_bzero here) goes
    // through the dynamic linker's resolver, which saves every vector register on this stack.
    sotto_clear_vector_registers();
    unsigned char buffer[64 * 1024];
    // explicit_bzero: a plain memset of a buffer never read again may be removed.
    explicit_bzero(buffer, sizeof buffer);
    __asm__ __volatile__("" : : "r"(buffer) : "memory");
}

int sotto_start_writeback(int fd) {
    return sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
}

void sotto_scrub_arguments(int argc, char **argv, int keep) {
  for (int i = keep; i < argc; i++) {
    if (argv[i] != NULL) memset(argv[i], 0, strlen(argv[i]));
  }
}

int sotto_try_lock_byte(int fd, long offset) {
  struct flock lock = {0};
  lock.l_type = F_WRLCK;
  lock.l_whence = SEEK_SET;
  lock.l_start = offset;
  lock.l_len = 1;
  return fcntl(fd, F_OFD_SETLK, &lock) == 0 ? 0 : -1;
}

/// Starts argv[0] with one of its standard streams (`child_fd`) on a new pipe; returns Sotto's
/// end of the pipe. The child stays in Sotto's process group, so a pager or a pinentry can use
/// the terminal as a foreground process (one started in a group of its own is stopped by the
/// terminal the moment it reads from it).
static int spawn_piped(char *const argv[], int child_fd, int *pid) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return -1;
    int child_end = child_fd == STDIN_FILENO ? fds[0] : fds[1];
    int our_end = child_fd == STDIN_FILENO ? fds[1] : fds[0];
    posix_spawn_file_actions_t actions;
    if (posix_spawn_file_actions_init(&actions) != 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    // dup2 clears close-on-exec on the child's copy; both pipe ends close in the child.
    posix_spawn_file_actions_adddup2(&actions, child_end, child_fd);
    pid_t child = 0;
    int rc = posix_spawnp(&child, argv[0], &actions, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(child_end);
    if (rc != 0) {
        close(our_end);
        errno = rc;
        return -1;
    }
    *pid = (int)child;
    return our_end;
}

int sotto_spawn_reading_stdout(char *const argv[], int *pid) {
    return spawn_piped(argv, STDOUT_FILENO, pid);
}

int sotto_spawn_writing_stdin(char *const argv[], int *pid) {
    return spawn_piped(argv, STDIN_FILENO, pid);
}

int sotto_wait_child(int pid) {
    int status = 0;
    while (waitpid((pid_t)pid, &status, 0) < 0) {
        if (errno != EINTR) return -1;
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return -1;
}
