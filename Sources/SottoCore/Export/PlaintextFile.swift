import CSottoSupport
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes decrypted data (exports, reports) where the person asked, and nowhere else.
///
/// The file is created with mode 0600 and `O_EXCL`, so an existing file is never overwritten
/// unless `overwrite` is set; links are not followed. No temporary file is used.
public enum PlaintextFile {
  /// Refuses a destination that ``write(to:overwrite:_:)`` would refuse, before any passphrase
  /// is asked for or anything decrypted: an existing file without `overwrite`, a missing folder.
  public static func checkDestination(_ path: String, overwrite: Bool) throws(SottoError) {
    guard path != "-" else { return }
    var info = stat()
    if lstat(path, &info) == 0 {
      guard overwrite else { throw exists(path) }
      return
    }
    let folder = (path as NSString).deletingLastPathComponent
    var isFolder: ObjCBool = false
    if !folder.isEmpty,
      !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) || !isFolder.boolValue
    {
      throw SottoError(
        .storage,
        "\(path) could not be created: the folder \(folder) does not exist. Create it, or "
          + "choose another place. Nothing was written.")
    }
  }

  private static func exists(_ path: String) -> SottoError {
    SottoError(
      .invalidInput,
      "\(path) already exists. Choose another name, or add --force to replace it. "
        + "Nothing was written.")
  }

  /// Writes `data` to `path` (`-` means standard output).
  public static func write(_ data: Data, to path: String, overwrite: Bool) throws(SottoError) {
    try write(to: path, overwrite: overwrite) { (sink: Sink) throws(SottoError) in
      try sink.write(data.span)
    }
  }

  /// Creates `path` as ``write(_:to:overwrite:)`` does and lets `body` write it in pieces (a
  /// backup, as it is encrypted); the file is synced to disk once `body` returns, and removed
  /// when `body` or a write fails.
  public static func write(
    to path: String, overwrite: Bool, _ body: (Sink) throws(SottoError) -> Void
  ) throws(SottoError) {
    if path == "-" {
      try body(Sink(descriptor: STDOUT_FILENO, path: path))
      return
    }
    var flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW
    flags |= overwrite ? O_TRUNC : O_EXCL
    let descriptor = open(path, flags, 0o600)
    guard descriptor >= 0 else {
      if errno == EEXIST { throw exists(path) }
      throw SottoError(
        .storage,
        "\(path) could not be created (\(String(cString: strerror(errno)))). Nothing was written.")
    }
    defer { close(descriptor) }
    // An existing file kept its old mode: make it private too.
    _ = fchmod(descriptor, 0o600)
    do throws(SottoError) {
      try body(Sink(descriptor: descriptor, path: path))
      guard fsync(descriptor) == 0 else { throw Sink.incomplete(path) }
    } catch {
      unlink(path)
      throw error
    }
  }

  /// Appends to a file being written by ``write(to:overwrite:_:)``.
  public final class Sink {
    let descriptor: Int32
    let path: String
    /// Bytes written since the kernel was last asked to start writing them to disk.
    private var pending = 0

    init(descriptor: Int32, path: String) {
      self.descriptor = descriptor
      self.path = path
    }

    /// Writes all of `bytes`.
    public func write(_ bytes: [UInt8]) throws(SottoError) {
      try write(bytes.span)
    }

    /// Writes all of `bytes`.
    public func write(_ bytes: Span<UInt8>) throws(SottoError) {
      var offset = 0
      while offset < bytes.count {
        let count = CCalls.write(descriptor, bytes, from: offset)
        if count < 0 && errno == EINTR { continue }
        if count <= 0 {
          if path == "-" {
            throw SottoError(
              .storage, "Standard output could not be written (was it closed?). Stopped there.")
          }
          throw Self.incomplete(path)
        }
        offset += count
      }
      // Start the disk writing every few MiB: the final fsync then waits for the last few
      // only, instead of for all of a 20 MB backup while nothing else runs.
      pending += bytes.count
      if pending >= 4 << 20, path != "-" {
        _ = sotto_start_writeback(descriptor)
        pending = 0
      }
    }

    static func incomplete(_ path: String) -> SottoError {
      SottoError(.storage, "\(path) could not be written completely (disk full?). It was removed.")
    }
  }
}
