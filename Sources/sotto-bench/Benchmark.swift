import Foundation
import SottoAnalytics
import SottoCore
import SottoModel

/// Benchmarks for Sotto, run by hand (see Scripts/bench); they print numbers and assert nothing.
///
///   sotto-bench make-journal PATH PASSPHRASE_FILE [--entries N] [--years Y]
///   sotto-bench core PATH PASSPHRASE_FILE
///
/// `make-journal` writes a journal of N demo entries (default 100,000 over 5 years) with the
/// `interactive` key derivation. `core` times, in this process, each step of reading it: key
/// derivation, decrypting every record, building the weekly report and rendering it, exporting,
/// backing up and restoring.
@main
enum Benchmark {
  static func main() throws {
    var arguments = Array(CommandLine.arguments.dropFirst())
    guard arguments.count >= 3 else {
      FileHandle.standardError.write(
        Data(
          "usage: sotto-bench make-journal|core PATH PASSPHRASE_FILE [--entries N] [--years Y]\n"
            .utf8))
      exit(64)
    }
    let command = arguments.removeFirst()
    let path = arguments.removeFirst()
    let passphraseFile = arguments.removeFirst()
    var entriesCount = 100_000
    var years = 5
    while let option = arguments.first {
      arguments.removeFirst()
      let value = Int(arguments.first ?? "") ?? 0
      arguments = Array(arguments.dropFirst())
      if option == "--entries" { entriesCount = value }
      if option == "--years" { years = value }
    }
    let passphrase = try Passphrase(
      utf8: [UInt8](FileManager.default.contents(atPath: passphraseFile) ?? Data()))
    switch command {
    case "make-journal": try makeJournal(path, passphrase, count: entriesCount, years: years)
    case "core": try core(path, passphrase)
    case "json": try json(count: entriesCount)
    default:
      FileHandle.standardError.write(Data("unknown command \(command)\n".utf8))
      exit(64)
    }
  }

  static func time<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try body()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(
      label.padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: "%8.3f s", seconds))
    return result
  }

  static func makeJournal(_ path: String, _ passphrase: Passphrase, count: Int, years: Int) throws {
    let entries = try time("generate \(count) demo entries") {
      try DemoJournal.bulk(count: count, years: years, endingAt: Date(), timeZone: .current)
    }
    let journal = try time("create journal (interactive KDF)") {
      try Journal.create(at: path, passphrase: passphrase, kdf: .interactive)
    }
    let unlocked = try journal.unlock(passphrase)
    try time("add \(entries.count) entries (one transaction)") { try unlocked.add(entries) }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    print(
      "journal size".padding(toLength: 44, withPad: " ", startingAt: 0) + "\(size / 1_048_576) MiB")
  }

  /// Times the entry JSON codec alone, without storage or cryptography.
  static func json(count: Int) throws {
    let entries = try DemoJournal.bulk(count: count, years: 5, endingAt: Date(), timeZone: .current)
    let encoded = time("encode \(count) entries (fast writer)") { entries.map { $0.jsonBytes() } }
    let bytes = encoded.reduce(0) { $0 + $1.count }
    print(
      "mean JSON size".padding(toLength: 44, withPad: " ", startingAt: 0)
        + "\(bytes / max(count, 1)) bytes")
    let decoded = try time("decode \(count) entries (fast reader)") {
      try encoded.map { try Entry(jsonBytes: $0) }
    }
    precondition(decoded == entries)
    _ = try time("decode \(count) entries (JSONDecoder)") {
      let decoder = JSONDecoder()
      return try encoded.map { try decoder.decode(Entry.self, from: Data($0)) }
    }
  }

  static func core(_ path: String, _ passphrase: Passphrase) throws {
    let journal = try time("open (header, schema check)") { try Journal.open(at: path) }
    let unlocked = try time("unlock (Argon2id + manifest check)") { try journal.unlock(passphrase) }
    let status = JournalStatus.entriesNeeded(timeZone: .current, now: Date())
    let picked = try time("status: this week's entries, through the index") {
      try unlocked.entries(status)
    }
    print(
      "  records opened".padding(toLength: 44, withPad: " ", startingAt: 0)
        + "\(picked.map { String($0.entries.count) } ?? "none (every record read)")")
    let week = try WeeklyReport.entriesNeeded(
      options: ReportOptions(timeZone: .current, now: Date()))
    _ = try time("report: the week's entries, through the index") { try unlocked.entries(week) }
    let contents = try time("decrypt every record (contents)") { try unlocked.contents() }
    let entries = contents.all
    print("entries".padding(toLength: 44, withPad: " ", startingAt: 0) + "\(entries.count)")
    let options = ReportOptions(timeZone: .current, now: Date())
    let report = try time("weekly report (build)") {
      try WeeklyReport.build(entries: entries, options: options)
    }
    _ = time("render text + html") {
      (TextReportRenderer().render(report), HTMLReportRenderer().render(report))
    }
    let json = try time("export json") {
      try JournalExport.data(entries, format: .json, exportedAt: Date())
    }
    _ = try time("export csv") { try JournalExport.data(entries, format: .csv, exportedAt: Date()) }
    _ = try time("import json (parse)") {
      try JournalImport.entries(from: json, format: .sottoJSON, timeZone: .current)
    }
    let backup = try time("backup seal (includes one KDF)") {
      try Backup.seal(entries, passphrase: passphrase, kdf: .interactive, createdAt: Date())
    }
    let restored = try time("backup open (includes one KDF)") {
      try Backup.openChecked(backup, passphrase: passphrase)
    }
    precondition(restored.all.count == entries.count)
    let folder = NSTemporaryDirectory() + "sotto-bench-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try time("restore into a new journal (incl. 1 KDF)") {
      let keys = try Journal.NewKeys(passphrase: passphrase, kdf: .interactive)
      try Journal.createUnlocked(at: folder + "/journal.db", keys: keys).fill(restored)
    }
    let kdfStart = DispatchTime.now().uptimeNanoseconds
    _ = try Journal.open(at: path).unlock(passphrase)
    let kdf = Double(DispatchTime.now().uptimeNanoseconds - kdfStart) / 1e9
    print(
      "one more unlock, for reference".padding(toLength: 44, withPad: " ", startingAt: 0)
        + String(format: "%8.3f s", kdf))
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    print(
      "peak memory (max RSS)".padding(toLength: 44, withPad: " ", startingAt: 0)
        + "\(usage.ru_maxrss / 1024) MiB")
  }
}
