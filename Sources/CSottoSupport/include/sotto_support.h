#ifndef SOTTO_SUPPORT_H
#define SOTTO_SUPPORT_H

/// Wrappers for variadic C functions, which Swift cannot call directly.

/// prctl(PR_SET_DUMPABLE, 0): no core dumps, no ptrace attach by the same user.
/// Returns 0 on success, -1 on failure.
int sotto_disable_dumping(void);

/// sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL) on an open connection
/// (passed as an opaque pointer). Returns the SQLite result code.
int sotto_sqlite_enable_defensive(void *db);

#endif
