import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes decrypted data (exports, reports) where the person asked, and nowhere else.
///
/// The file is created with mode 0600 and `O_EXCL`, so an existing file is never overwritten
/// unless `overwrite` is set; links are not followed. No temporary file is used.
public enum PlaintextFile {
  /// Writes `data` to `path` (`-` means standard output).
  public static func write(_ data: Data, to path: String, overwrite: Bool) throws(SottoError) {
    if path == "-" {
      FileHandle.standardOutput.write(data)
      return
    }
    var flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW
    flags |= overwrite ? O_TRUNC : O_EXCL
    let descriptor = open(path, flags, 0o600)
    guard descriptor >= 0 else {
      if errno == EEXIST {
        throw SottoError(
          .invalidInput,
          "\(path) already exists. Choose another name, or add --force to replace it.")
      }
      throw SottoError(
        .storage,
        "\(path) could not be created (\(String(cString: strerror(errno)))). Nothing was written.")
    }
    defer { close(descriptor) }
    // An existing file kept its old mode: make it private too.
    _ = fchmod(descriptor, 0o600)
    let written = data.withUnsafeBytes { buffer -> Bool in
      var offset = 0
      while offset < buffer.count {
        let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if count < 0 && errno == EINTR { continue }
        if count <= 0 { return false }
        offset += count
      }
      return true
    }
    guard written, fsync(descriptor) == 0 else {
      unlink(path)
      throw SottoError(
        .storage, "\(path) could not be written completely (disk full?). It was removed.")
    }
  }
}
