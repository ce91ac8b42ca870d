#ifndef SOTTO_SUPPORT_H
#define SOTTO_SUPPORT_H

/// Wrappers for variadic C functions, which Swift cannot call directly, and one helper Swift
/// cannot express.

/// prctl(PR_SET_DUMPABLE, 0): no core dumps, no ptrace attach by the same user.
/// Returns 0 on success, -1 on failure.
int sotto_disable_dumping(void);

/// sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL) on an open connection
/// (passed as an opaque pointer). Returns the SQLite result code.
int sotto_sqlite_enable_defensive(void *db);

/// Zeroes the vector registers, then the next 64 KiB of the calling thread's stack below this
/// frame.
/// libsodium's BLAKE2b leaves its last output block on the stack (Argon2id's output, the key,
/// among it); a worker thread that derived a key calls this before it goes idle, since nothing
/// else will overwrite that stack.
void sotto_scrub_stack(void);

/// Zeroes the vector registers (all 32 of AVX-512 where the CPU has them, else the AVX or
/// SSE ones; on arm64 the caller-saved NEON ones). Argon2id and BLAKE2b leave key bytes in
/// them, and the dynamic linker's resolver saves every vector register on the stack at a
/// program's first call of each library function (Scripts/memory-snapshot found the KEK there
/// on an AVX-512 machine). A direct call within the executable: no resolver runs before it.
void sotto_clear_vector_registers(void);

/// sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE): starts writing the file's dirty pages to
/// disk without waiting for them (glibc declares it only under _GNU_SOURCE). A backup calls it
/// as it writes, so the final fsync finds most of the file already on its way to disk.
/// Returns 0 on success, -1 on failure.
int sotto_start_writeback(int fd);

/// Overwrites with zeros, in place, the strings argv[keep] ... argv[argc - 1]: the memory that
/// /proc/PID/cmdline (and so every user's `ps`) reads. The caller has copied them first.
void sotto_scrub_arguments(int argc, char **argv, int keep);

/// Takes an open-file-description write lock (F_OFD_SETLK) on the one byte at `offset`, without
/// waiting. OFD locks conflict with the POSIX locks SQLite takes, so this fails while a
/// connection in another process holds the byte (within one process SQLite keeps one lock per
/// file for all its connections, which this does not always see). Released when the descriptor
/// is closed.
/// Returns 0 when taken, -1 when another holds it (or on failure).
int sotto_try_lock_byte(int fd, long offset);

/// Starts argv[0] (looked up in PATH; no shell) with its standard output on a new pipe and
/// stdin and stderr shared with Sotto, as `--passphrase-command` needs (a pinentry or `pass`
/// may ask on the terminal). argv ends with NULL. The pipe is close-on-exec in Sotto.
/// Returns the pipe's read end and sets *pid, or -1 with errno set.
int sotto_spawn_reading_stdout(char *const argv[], int *pid);

/// Starts argv[0] as sotto_spawn_reading_stdout does, but with its standard input on the new
/// pipe and stdout and stderr shared with Sotto (a pager). Returns the pipe's write end.
int sotto_spawn_writing_stdin(char *const argv[], int *pid);

/// Waits for the child `pid`; returns its exit status, 128 + the signal that ended it, or -1.
int sotto_wait_child(int pid);

#endif
