import Foundation
import SottoCore

#if canImport(Glibc)
  import Glibc
#endif

/// Leftovers of an interrupted restore are encrypted journals under throwaway names; remove them.
enum SecureWipeOfLeftover {
  static func remove(_ path: String) {
    guard FileManager.default.fileExists(atPath: path) else { return }
    _ = try? SecureWipe(path: path, removeEmptyFolder: false).run()
  }
}

/// Puts a fully written journal in place of an old one, then wipes the old one.
enum ReplaceJournal {
  static func swap(new: String, over path: String) throws(SottoError) {
    let aside = path + ".replaced"
    SecureWipeOfLeftover.remove(aside)
    // The old journal's log must go with it: a -wal left beside the new file would be replayed
    // into it. Move all of the old files aside, then the new one in.
    for suffix in ["", "-wal", "-shm", "-journal"]
    where FileManager.default.fileExists(atPath: path + suffix) {
      guard rename(path + suffix, aside + suffix) == 0 else {
        throw SottoError(
          .storage, "The old journal could not be moved aside. Nothing was replaced.")
      }
    }
    for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: new + suffix) {
      guard rename(new + suffix, path + suffix) == 0 else {
        throw SottoError(
          .storage,
          "The restored journal could not be moved into place; the old one is at \(aside).")
      }
    }
    do {
      try SecureWipe(path: aside, removeEmptyFolder: false).run()
    } catch {
      Console.note(
        "sotto: warning: the replaced journal at \(aside) could not be wiped: \(error.message)")
    }
  }
}
