import Foundation

/// Where the journal lives: `--journal`, else `$SOTTO_JOURNAL`, else
/// `$XDG_DATA_HOME/sotto/journal.db` (`~/.local/share/sotto/journal.db`).
public enum JournalLocation {
  /// Resolves the journal path from an explicit option and the environment.
  public static func resolve(
    explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(SottoError) -> String {
    if let explicit, !explicit.isEmpty { return absolute(explicit) }
    if let fromEnvironment = environment["SOTTO_JOURNAL"], !fromEnvironment.isEmpty {
      return absolute(fromEnvironment)
    }
    if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
      return dataHome + "/sotto/journal.db"
    }
    guard let home = environment["HOME"], !home.isEmpty else {
      throw SottoError(
        .invalidInput,
        "No journal location: set --journal PATH, $SOTTO_JOURNAL, $XDG_DATA_HOME or $HOME.")
    }
    return home + "/.local/share/sotto/journal.db"
  }

  private static func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    if path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] {
      return home + path.dropFirst()
    }
    return FileManager.default.currentDirectoryPath + "/" + path
  }

  /// The files SQLite may keep beside the journal.
  public static func companionFiles(of path: String) -> [String] {
    [path + "-wal", path + "-shm", path + "-journal"]
  }
}
