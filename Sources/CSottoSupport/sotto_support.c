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

void sotto_scrub_stack(void) {
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
