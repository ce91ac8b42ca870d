import Foundation
import Testing

/// Docs/FORMAT.md is enough to read a journal: an independent Python reader (libsodium through
/// ctypes, no Sotto code) decrypts what the binary wrote, inbox included.
@Suite struct FormatConformanceTests {
  @Test func anIndependentReaderDecryptsEveryEntry() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    try cli.run(["urge", "7", "--trigger", "payday", "--resisted", "--note", "walked it off"])
    try cli.run(["use", "alcohol", "3", "drinks", "--cost", "18.50", "--note", "café ünïcode"])
    try cli.run(["goal", "add", "--max", "10", "drinks", "--of", "alcohol", "--per", "week"])
    try cli.run(["urge", "3", "--note", "captured"], scripted: false)

    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", root.appendingPathComponent("Scripts/read-journal.py").path, cli.journal,
      cli.passphraseFile,
    ]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let independent = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    #expect(independent.count == 4)

    let listed = try cli.run(["list", "--format", "json"])
    let ours = try #require(
      try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    #expect(ours.count == 4)
    for entry in independent {
      let id = try #require(entry["id"] as? String)
      let match = try #require(ours.first { $0["id"] as? String == id })
      for key in ["kind", "urge", "use", "goal", "at"] {
        let theirs = entry[key].map { NSDictionary(dictionary: [key: $0]) }
        let mine = match[key].map { NSDictionary(dictionary: [key: $0]) }
        #expect(theirs == mine, "\(key) of \(id) differs")
      }
    }
    #expect(
      independent.contains { ($0["use"] as? [String: Any])?["note"] as? String == "café ünïcode" })
  }
}
