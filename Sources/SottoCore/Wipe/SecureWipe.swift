import CSottoSupport
import Foundation
import SottoCrypto

#if canImport(Glibc)
  import Glibc
#endif

/// Destroys a journal beyond recovery, without needing its passphrase and without needing to
/// parse it.
///
/// Order matters. The first durable write is the crypto-shred (NIST SP 800-88 "cryptographic
/// erase"): random bytes over the page of `journal.db` that holds the key envelope, and over the
/// whole `-wal` and `-journal` files (which may hold other copies of that page), all written
/// before any of them is synced. From the first sync on, no copy of the folder opens with the
/// passphrase. Then every file is overwritten whole, synced and unlinked. Nothing here goes
/// through SQLite's write path: opening the journal for writing would let SQLite checkpoint its
/// log into the file (a durable write of the old envelope) before the shred.
public struct SecureWipe {
  /// The steps, in order, as reported to the person.
  public enum Step: String, Sendable, CaseIterable {
    case destroyKeys =
      "overwrote the key envelope's page and the whole write-ahead log with random bytes, and synced them (nothing is decryptable from here on)"
    case overwriteFiles =
      "overwrote the database and its -wal, -shm and -journal files with random bytes"
    case unlinkFiles = "deleted the files and synced the folder"
    case removeFolder = "removed the now-empty Sotto folder"
  }

  /// What the file at the journal path looks like, read from its raw bytes (never by SQLite).
  public enum Recognition: Sendable, Equatable {
    /// A Sotto journal: SQLite's header with Sotto's application id, in the file or its log.
    case journal
    /// No main file, only leftovers beside it (`-wal`, `-shm`, `-journal`) of an earlier wipe.
    case leftovers
    /// Not recognisable as a Sotto journal: damaged, truncated, or another program's file.
    case unrecognised
  }

  /// The journal file to destroy.
  public let path: String
  /// Removes the folder afterwards when it is empty and this is true (Sotto's default folder).
  public var removeEmptyFolder: Bool
  /// Destroys the file even when it is not recognisable as a Sotto journal.
  public var force = false
  /// Called just before the files are unlinked, with their paths (tests copy them here).
  public var beforeUnlink: (([String]) -> Void)?
  /// Called after each durable write (each `fsync`), with the file synced: tests stop here and
  /// copy the folder, as someone who seized it at that moment would have it.
  public var afterDurableWrite: ((String) -> Void)?

  /// Prepares a wipe of the journal at `path`.
  public init(path: String, removeEmptyFolder: Bool) {
    self.path = path
    self.removeEmptyFolder = removeEmptyFolder
  }

  private var files: [String] { [path] + JournalLocation.companionFiles(of: path) }

  /// Whether anything of the journal is left to wipe.
  public var somethingToWipe: Bool { files.contains { lexists($0) } }

  /// Runs every step; returns the steps done.
  ///
  /// - Throws: ``SottoError/Code/notAJournal`` when the file is not recognisable as a Sotto
  ///   journal and ``force`` is off, ``SottoError/Code/invalidInput`` when the journal path or
  ///   a file beside it is a symbolic link (both before anything is changed), or a storage
  ///   error (run it again to finish).
  @discardableResult
  public func run() throws(SottoError) -> [Step] {
    try Sodium.ensureInitialized()
    try check()
    var done: [Step] = []
    let present = files.filter { lexists($0) }
    var opened: [OpenFile] = []
    defer { for file in opened { close(file.descriptor) } }
    for file in present { opened.append(try OpenFile(file)) }
    // SQLite's shared-memory file: every open connection holds a read lock on its byte 128
    // (the "dead man switch"). Taking a write lock there refuses the wipe while another
    // process has the journal open (its next write would land after the shred), and keeps
    // new connections out until the files are gone.
    if let shm = opened.first(where: { $0.path == path + "-shm" }),
      sotto_try_lock_byte(shm.descriptor, 128) != 0
    {
      throw SottoError(
        .concurrentChange,
        "Another sotto process has the journal open, so nothing was wiped. Run `sotto wipe` "
          + "again when it has finished.")
    }

    // 1. The shred: every copy of the envelope, written before any sync. The header row is
    // the only place the plaintext magic `sotto-journal` appears (everything else is
    // ciphertext), so every page of journal.db that holds it is found by reading the file
    // (no schema needed: a root page moved by an interrupted checkpoint is found too). When
    // none is found (a damaged file), the whole database is overwritten in this pass.
    // 2. Everything else. 3. Page 1 (SQLite's header, which says "Sotto journal") last, with
    // a mark, so that a wipe stopped before the unlink is recognised and finished by the next.
    let layout = MainFileLayout.read(path)
    var shred: [Piece] = []
    var rest: [Piece] = []
    var pageOne: [Piece] = []
    for file in opened {
      if file.path == path, !layout.headerPages.isEmpty {
        let first = 0..<min(layout.pageSize, file.size)
        var start = first.upperBound
        for page in layout.headerPages {  // in file order
          shred.append(Piece(file: file, range: page))
          if page.lowerBound > start {
            rest.append(Piece(file: file, range: start..<page.lowerBound))
          }
          start = max(start, page.upperBound)
        }
        if file.size > start { rest.append(Piece(file: file, range: start..<file.size)) }
        pageOne.append(Piece(file: file, range: first, mark: Self.wipeMark))
      } else if file.path == path + "-shm" {
        rest.append(Piece(file: file, range: 0..<file.size))
      } else {
        shred.append(Piece(file: file, range: 0..<file.size))
      }
    }
    try writeThenSync(shred, in: opened)
    if !shred.isEmpty { done.append(.destroyKeys) }
    try writeThenSync(rest, in: opened)
    try writeThenSync(pageOne, in: opened)
    done.append(.overwriteFiles)

    beforeUnlink?(present)
    for file in present where unlink(file) != 0 && errno != ENOENT {
      throw SottoError(.storage, "\(file) could not be deleted. Run `sotto wipe` again.")
    }
    let folder = (path as NSString).deletingLastPathComponent
    syncFolder(folder)
    afterDurableWrite?(folder)
    done.append(.unlinkFiles)
    if removeEmptyFolder,
      (try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty == true,
      rmdir(folder) == 0
    {
      syncFolder((folder as NSString).deletingLastPathComponent)
      done.append(.removeFolder)
    }
    return done
  }

  /// Writes every piece, then syncs each file written, in the order of `files` (journal.db
  /// first), telling ``afterDurableWrite`` after each sync.
  private func writeThenSync(_ pieces: [Piece], in files: [OpenFile]) throws(SottoError) {
    for piece in pieces where !piece.range.isEmpty {
      try piece.file.overwrite(piece.range)
      if let mark = piece.mark { try piece.file.write(mark, at: piece.range.lowerBound) }
    }
    for file in files where pieces.contains(where: { $0.file.path == file.path }) {
      try file.sync()
      afterDurableWrite?(file.path)
    }
  }

  /// Checks, before anything is asked or changed, that the wipe may go ahead.
  ///
  /// - Throws: as ``run()`` does for a symbolic link or an unrecognised file.
  public func check() throws(SottoError) {
    try refuseLinks()
    if !force, recognise() == .unrecognised {
      throw SottoError(
        .notAJournal,
        "\(path) does not look like a Sotto journal: it may be damaged, or another program's "
          + "file. Nothing was changed. To destroy it anyway, run `sotto wipe --force`.")
    }
  }

  /// Refuses before destroying anything when the journal path or a file beside it is a
  /// symbolic link: following it would destroy a file elsewhere and leave the link, refusing
  /// halfway would leave half.
  private func refuseLinks() throws(SottoError) {
    for file in files {
      var info = stat()
      guard lstat(file, &info) == 0 else { continue }
      if info.st_mode & S_IFMT == S_IFLNK {
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: file)) ?? "?"
        throw SottoError(
          .invalidInput,
          "\(file) is a symbolic link (to \(target)), so `sotto wipe` destroyed nothing. Wipe "
            + "the journal where it is (`sotto wipe --journal PATH` with the real path), then "
            + "remove the link with `rm`.")
      }
      guard info.st_mode & S_IFMT == S_IFREG else {
        throw SottoError(
          .invalidInput,
          "\(file) is not a regular file, so `sotto wipe` destroyed nothing.")
      }
    }
  }

  /// Tells, from raw bytes alone, whether the file at ``path`` is a Sotto journal.
  public func recognise() -> Recognition {
    guard lexists(path) else { return .leftovers }
    let header = Self.readPrefix(path, count: 100)
    if Self.isSottoPageOne(header) { return .journal }
    // A journal created and interrupted before its first checkpoint has page 1 only in the log.
    if WALFrames.hasSottoPageOne(path + "-wal") { return .journal }
    return .unrecognised
  }

  /// Written over the start of a journal whose every other byte is already random.
  static let wipeMark = Array("sotto: wipe in progress\0".utf8)

  static func isSottoPageOne(_ bytes: [UInt8]) -> Bool {
    if bytes.starts(with: wipeMark) { return true }
    guard bytes.count >= 72, bytes.starts(with: Array("SQLite format 3\0".utf8)) else {
      return false
    }
    let id = bytes[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    return id == UInt32(bitPattern: JournalHeader.applicationID)
  }

  static func readPrefix(_ file: String, count: Int) -> [UInt8] {
    let descriptor = open(file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    guard descriptor >= 0 else { return [] }
    defer { close(descriptor) }
    return CCalls.pread(descriptor, count: count, at: 0)
  }

  private func lexists(_ file: String) -> Bool {
    var info = stat()
    return lstat(file, &info) == 0
  }

  private func syncFolder(_ folder: String) {
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if descriptor >= 0 {
      _ = fsync(descriptor)
      close(descriptor)
    }
  }

  /// What no wipe can reach, said plainly after every wipe.
  public static let limits = [
    "exports, reports and backups you made (find and delete them yourself)",
    "cloud or synced copies of the folder (Dropbox, iCloud, Syncthing, ...)",
    "a `sotto sync` folder and your other devices' journals: they still open with the "
      + "folder's passphrase (`sotto sync leave DIR --all` before a wipe removes this device's files; "
      + "delete the folder and wipe each device to remove everything)",
    "filesystem snapshots and backups of the disk (Time Machine, btrfs/ZFS snapshots, ...)",
    "flash storage remapping: an SSD may keep old blocks; this is why the keys were destroyed first",
  ]
}

/// A byte range of a file to overwrite with random bytes, and a mark to write at its start.
private struct Piece {
  let file: OpenFile
  let range: Range<Int>
  var mark: [UInt8]? = nil
}

/// One file being wiped, open for writing in place.
private struct OpenFile {
  let path: String
  let descriptor: Int32
  let size: Int

  init(_ path: String) throws(SottoError) {
    self.path = path
    descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
    guard descriptor >= 0 else {
      throw SottoError(
        .storage, "\(path) could not be opened to overwrite it. Run `sotto wipe` again.")
    }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      close(descriptor)
      throw SottoError(.storage, "\(path) could not be examined. Run `sotto wipe` again.")
    }
    size = Int(info.st_size)
  }

  /// Writes random bytes over `range`, in place.
  func overwrite(_ range: Range<Int>) throws(SottoError) {
    var offset = range.lowerBound
    var block = [UInt8](repeating: 0, count: 64 * 1024)
    while offset < range.upperBound {
      let count = min(range.upperBound - offset, block.count)
      SecureRandom.fill(&block)
      let written = CCalls.pwrite(descriptor, block, count: count, at: offset)
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else {
        throw SottoError(.storage, "\(path) could not be overwritten. Run `sotto wipe` again.")
      }
      offset += written
    }
  }

  /// Writes `bytes` at `offset`, in place.
  func write(_ bytes: [UInt8], at offset: Int) throws(SottoError) {
    let written = CCalls.pwrite(descriptor, bytes, count: bytes.count, at: offset)
    guard written == bytes.count else {
      throw SottoError(.storage, "\(path) could not be overwritten. Run `sotto wipe` again.")
    }
  }

  func sync() throws(SottoError) {
    guard fsync(descriptor) == 0 else {
      throw SottoError(.storage, "\(path) could not be synced to disk. Run `sotto wipe` again.")
    }
  }
}

/// Where the header row (and so the key envelope) lives in `journal.db`, read from raw bytes.
private struct MainFileLayout {
  /// The page size from SQLite's header (offset 16), or 4096 when the header is unreadable.
  var pageSize = 4096
  /// The byte ranges of the pages holding the header row's magic text.
  var headerPages: [Range<Int>] = []

  static let magic = Array(JournalHeader.magic.utf8)

  static func read(_ path: String) -> MainFileLayout {
    var layout = MainFileLayout()
    let header = SecureWipe.readPrefix(path, count: 100)
    if header.count >= 18 {
      let size = Int(header[16]) << 8 | Int(header[17])
      let pageSize = size == 1 ? 65536 : size
      if pageSize >= 512, pageSize <= 65536, pageSize & (pageSize - 1) == 0 {
        layout.pageSize = pageSize
      }
    }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    guard descriptor >= 0 else { return layout }
    defer { close(descriptor) }
    var page = [UInt8](repeating: 0, count: layout.pageSize)
    var offset = 0
    while true {
      let count = CCalls.pread(descriptor, into: &page, count: layout.pageSize, at: offset)
      guard count > 0 else { break }
      if contains(page[..<count], magic) { layout.headerPages.append(offset..<(offset + count)) }
      offset += count
    }
    return layout
  }

  private static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
    guard haystack.count >= needle.count, let first = needle.first else { return false }
    var index = haystack.startIndex
    let last = haystack.endIndex - needle.count
    while index <= last {
      if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) {
        return true
      }
      index += 1
    }
    return false
  }
}

/// A minimal reader of SQLite's write-ahead log layout (https://sqlite.org/fileformat.html#wal),
/// frame by frame: a log can be large.
private enum WALFrames {
  /// Whether the log holds a frame of page 1 carrying Sotto's application id.
  static func hasSottoPageOne(_ file: String) -> Bool {
    let descriptor = open(file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    func read(_ count: Int, at offset: Int) -> [UInt8] {
      CCalls.pread(descriptor, count: count, at: offset)
    }
    func u32(_ bytes: [UInt8], _ at: Int) -> Int {
      bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) }
    }
    let header = read(32, at: 0)
    guard header.count == 32, u32(header, 0) & ~1 == 0x377F_0682 else { return false }
    let pageSize = u32(header, 8) == 1 ? 65536 : u32(header, 8)
    guard pageSize >= 512, pageSize <= 65536 else { return false }
    var frame = 32
    while true {
      let start = read(24 + 100, at: frame)
      guard start.count == 124 else { return false }
      if u32(start, 0) == 1, SecureWipe.isSottoPageOne(Array(start[24...])) { return true }
      frame += 24 + pageSize
    }
  }
}
