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
    let (path, journal) = try Fixtures.newJournal(in: folder)
    for body in Fixtures.allBodies { try journal.add(body, at: Fixtures.time) }
    let recordKey = journal.bundle.recordKey.withUnsafeBytes { Array($0) }
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
    let (path, journal) = try Fixtures.newJournal(in: folder)
    try journal.add(.urge(Fixtures.urge), at: Fixtures.time)
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

  @Test func wipeRefusesAFileThatIsNotAJournal() throws {
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
}
