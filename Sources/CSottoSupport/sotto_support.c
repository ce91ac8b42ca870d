#define _GNU_SOURCE  // explicit_bzero, sync_file_range, F_OFD_SETLK
#include "sotto_support.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/prctl.h>

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
