import Foundation
import SottoModel
import Testing

@testable import SottoCore

@Suite struct SecureWipeTests {
  private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard haystack.count >= needle.count, let first = needle.first else { return false }
    for index in 0...(haystack.count - needle.count)
    where haystack[index] == first && Array(haystack[index..<index + needle.count]) == needle {
      return true
    }
    return false
  }

  @Test func wipeRemovesEveryFileAndLeavesNothingReadableBeforeTheUnlink() throws {
    let folder = TemporaryFolder()
    // Closed before the wipe, which refuses a journal another connection has open.
    let (path, recordKey) = try { () throws -> (String, [UInt8]) in
      let (path, journal) = try Fixtures.newJournal(in: folder)
      for body in Fixtures.allBodies { try journal.add(body, at: Fixtures.time) }
      return (path, journal.bundle.recordKey.withUnsafeBytes { Array($0) })
    }()
    let copyFolder = folder.path + "/copy"
    try FileManager.default.createDirectory(atPath: copyFolder, withIntermediateDirectories: true)

    var wipe = SecureWipe(path: path, removeEmptyFolder: false)
    wipe.beforeUnlink = { files in
      for file in files {
        try? FileManager.default.copyItem(
          atPath: file, toPath: copyFolder + "/" + (file as NSString).lastPathComponent)
      }
    }
    let steps = try wipe.run()
    #expect(steps.contains(.destroyKeys))
    #expect(steps.contains(.unlinkFiles))
    for file in [path] + JournalLocation.companionFiles(of: path) {
      #expect(!FileManager.default.fileExists(atPath: file))
    }
    let copied = try FileManager.default.contentsOfDirectory(atPath: copyFolder)
    #expect(!copied.isEmpty)
    var bytes: [UInt8] = []
    for name in copied {
      bytes += [UInt8](FileManager.default.contents(atPath: copyFolder + "/" + name) ?? Data())
    }
    #expect(bytes.count > 1000)
    for word in ["zebrawordurge", "zebrawordnote", "alcoholsecretword", "SQLite format 3"] {
      #expect(!contains(bytes, Array(word.utf8)), "found \(word)")
    }
    #expect(!contains(bytes, recordKey))
  }

  @Test func afterTheKeysAreDestroyedNothingDecryptsAndASecondRunFinishes() throws {
    let folder = TemporaryFolder()
    let path = try Fixtures.closedJournal(in: folder)
    // Simulate a wipe interrupted right after its first step: only the envelope destroyed.
    try Fixtures.tamper(path) { db in
      try db.execute(
        sql: "UPDATE header SET envelope = ?", arguments: [Data(repeating: 0xAB, count: 80)])
    }
    #expect(throws: SottoError.self) { try Journal.open(at: path).unlock(Fixtures.passphrase()) }
    try SecureWipe(path: path, removeEmptyFolder: false).run()
    #expect(!FileManager.default.fileExists(atPath: path))
    // Leftover companions alone (the main file already gone) are finished off too.
    _ = FileManager.default.createFile(
      atPath: path + "-wal", contents: Data(repeating: 1, count: 4096))
    try SecureWipe(path: path, removeEmptyFolder: false).run()
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
  }

  @Test func wipeRefusesAnotherProgramsDatabase() throws {
    let folder = TemporaryFolder()
    let path = folder.path + "/precious.db"
    try Fixtures.tamper(path) { db in try db.execute(sql: "CREATE TABLE t (x)") }
    let before = FileManager.default.contents(atPath: path)
    do {
      try SecureWipe(path: path, removeEmptyFolder: true).run()
      Issue.record("wiped a file that is not a journal")
    } catch {
      #expect(error.code == .notAJournal)
    }
    #expect(FileManager.default.contents(atPath: path) == before)
  }

  @Test func wipeRemovesTheEmptyDefaultFolder() throws {
    let folder = TemporaryFolder()
    let path = folder.path + "/sotto/journal.db"
    _ = try Journal.create(at: path, passphrase: Fixtures.passphrase(), kdf: Fixtures.kdf)
    let steps = try SecureWipe(path: path, removeEmptyFolder: true).run()
    #expect(steps.last == .removeFolder)
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/sotto"))
  }

  @Test func deleteLeavesNoCopyOfTheRecordInTheDatabaseOrItsLog() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    let keep = try journal.add(.urge(Fixtures.urge), at: Fixtures.time)
    let gone = try journal.add(.use(Fixtures.use), at: Fixtures.time)
    let row = try Fixtures.recordRows(path).first { ($0["id"] as Data) == Data(gone.id.bytes) }!
    let ciphertext = [UInt8](row["ciphertext"] as Data)
    #expect(contains(folder.allBytes(of: path), Array(ciphertext.prefix(64))))
    try journal.delete(gone.id)
    let after = folder.allBytes(of: path)
    #expect(!contains(after, Array(ciphertext.prefix(64))))
    #expect(!contains(after, Array(ciphertext.suffix(64))))
    #expect(try journal.contents().entries.map(\.entry.id) == [keep.id])
  }

  /// Copies the journal's files as they are now into a fresh folder, as someone seizing the
  /// folder at this moment would have them.
  private func copyFiles(of path: String, into folder: String) -> String {
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for file in [path] + JournalLocation.companionFiles(of: path)
    where FileManager.default.fileExists(atPath: file) {
      try? FileManager.default.copyItem(
        atPath: file, toPath: folder + "/" + (file as NSString).lastPathComponent)
    }
    return folder + "/" + (path as NSString).lastPathComponent
  }

  @Test func noCopyTakenAfterAnyDurableWriteOfTheWipeOpensOrHoldsTheEnvelope() throws {
    let folder = TemporaryFolder()
    let path = try Fixtures.closedJournal(in: folder)
    // A second envelope only in the log: the header is rewritten while the journal stays open,
    // so -wal holds the newest header page and journal.db the one before.
    let journal = try Journal.open(at: path).unlock(Fixtures.passphrase())
    try journal.setQuickCapture(false, passphrase: Fixtures.passphrase())
    let envelopes = try Fixtures.headerEnvelopes(path)
    #expect(FileManager.default.fileExists(atPath: path + "-wal"))
    #expect(
      try Journal.open(at: copyFiles(of: path, into: folder.path + "/before")).unlock(
        Fixtures.passphrase()
      ).contents().all.count == Fixtures.allBodies.count)
    #expect(envelopes.count == 2)

    var copies: [String] = []
    var wipe = SecureWipe(path: path, removeEmptyFolder: false)
    wipe.afterDurableWrite = { _ in
      copies.append(copyFiles(of: path, into: folder.path + "/copy-\(copies.count)"))
    }
    try wipe.run()
    #expect(copies.count >= 3)
    for (index, copy) in copies.enumerated() {
      let bytes = folder.allBytes(of: copy)
      for envelope in envelopes {
        #expect(!contains(bytes, envelope), "copy \(index) holds a key envelope")
      }
      #expect(!contains(bytes, Array(Fixtures.use.note!.utf8)))
      guard FileManager.default.fileExists(atPath: copy) else { continue }
      do {
        _ = try Journal.open(at: copy).unlock(Fixtures.passphrase())
        Issue.record("copy \(index), taken after a durable write of the wipe, opened")
      } catch {
        // Refused as damaged, or as a wrong passphrase: either way, nothing opens.
      }
    }
  }

  @Test(arguments: ["clobbered pages", "changed schema", "truncated to its header"])
  func aDamagedJournalIsWipedWithoutBeingRead(damage: String) throws {
    let folder = TemporaryFolder()
    let path = try Fixtures.closedJournal(in: folder)
    let envelopes = try Fixtures.headerEnvelopes(path)
    switch damage {
    case "clobbered pages":
      try Fixtures.overwriteBytes(path, at: 4096, count: 3 * 4096)
    case "changed schema":
      try Fixtures.tamper(path) { db in try db.execute(sql: "CREATE TABLE extra (x)") }
    default:
      let handle = try #require(FileHandle(forWritingAtPath: path))
      try handle.truncate(atOffset: 4096 + 200)
      try handle.close()
    }
    #expect(throws: SottoError.self) { try Journal.open(at: path).unlock(Fixtures.passphrase()) }
    var wipe = SecureWipe(path: path, removeEmptyFolder: false)
    var copies: [String] = []
    wipe.afterDurableWrite = { _ in
      copies.append(copyFiles(of: path, into: folder.path + "/copy-\(copies.count)"))
    }
    let steps = try wipe.run()
    #expect(steps.contains(.overwriteFiles))
    for file in [path] + JournalLocation.companionFiles(of: path) {
      #expect(!FileManager.default.fileExists(atPath: file))
    }
    for copy in copies {
      let bytes = folder.allBytes(of: copy)
      for envelope in envelopes { #expect(!contains(bytes, envelope)) }
    }
  }

  @Test func aFileWithoutSottosMarkIsWipedOnlyWhenForced() throws {
    let folder = TemporaryFolder()
    let path = try Fixtures.closedJournal(in: folder)
    let envelopes = try Fixtures.headerEnvelopes(path)
    // SQLite's own header clobbered: nothing says "Sotto journal" any more.
    try Fixtures.overwriteBytes(path, at: 0, count: 100)
    let before = FileManager.default.contents(atPath: path)
    #expect(SecureWipe(path: path, removeEmptyFolder: false).recognise() == .unrecognised)
    do {
      try SecureWipe(path: path, removeEmptyFolder: false).run()
      Issue.record("destroyed an unrecognised file without --force")
    } catch {
      #expect(error.code == .notAJournal)
      #expect(error.message.contains("--force"))
    }
    #expect(FileManager.default.contents(atPath: path) == before)
    #expect(contains([UInt8](before ?? Data()), envelopes[0]))
    var wipe = SecureWipe(path: path, removeEmptyFolder: false)
    wipe.force = true
    var copied: [UInt8] = []
    wipe.beforeUnlink = { _ in copied = folder.allBytes(of: path) }
    try wipe.run()
    #expect(!FileManager.default.fileExists(atPath: path))
    #expect(copied.count >= (before?.count ?? 0))
    for envelope in envelopes { #expect(!contains(copied, envelope)) }
  }

  @Test func aSymlinkedJournalPathIsRefusedBeforeAnythingIsDestroyed() throws {
    let folder = TemporaryFolder()
    let real = try Fixtures.closedJournal(in: folder)
    let link = folder.path + "/link.db"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
    let before = folder.allBytes(of: real)
    do {
      try SecureWipe(path: link, removeEmptyFolder: false).run()
      Issue.record("wiped through a symbolic link")
    } catch {
      #expect(error.code == .invalidInput)
      #expect(error.message.contains(real))
    }
    #expect(folder.allBytes(of: real) == before)
    #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == real)
    // The real path is wiped as usual.
    try SecureWipe(path: real, removeEmptyFolder: false).run()
    #expect(!FileManager.default.fileExists(atPath: real))
  }

}
