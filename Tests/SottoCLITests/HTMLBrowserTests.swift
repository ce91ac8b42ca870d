import Foundation
import Testing

/// The HTML report in a real browser (headless Chromium through Selenium, `Scripts/html-check.py`):
/// at 420 and 1200 px nothing overflows, every chart text is at least 10 px high, and the page
/// requests nothing from elsewhere. Skipped, with a message, where Chromium, chromedriver or
/// Selenium is missing (`.ci/run` installs them).
@Suite(.serialized) struct HTMLBrowserTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  /// Twelve weeks of entries ending today, with long names, through `import` (one unlock).
  static func journal(_ cli: CLIRunner) throws {
    try cli.initJournal()
    let now = Int64(Date().timeIntervalSince1970)
    var lines = [
      #"{"exportedAt":"2026-12-01T00:00:00Z","format":"sotto-export-jsonl","schemaVersion":2}"#
    ]
    let triggers = ["payday", "an argument with my flatmate about the rent", "bored", "party"]
    for index in 0..<84 {
      let at = now - Int64(index) * 86_400 - 3_600
      let id = String(format: "%032x", index + 1)
      if index % 2 == 0 {
        lines.append(
          #"{"at":{"offset":0,"unix":\#(at)},"id":"\#(id)","kind":"urge","source":"direct","#
            + #""urge":{"intensity":\#(index % 11),"outcome":"\#(index % 4 == 0 ? "acted" : "resisted")","#
            + #""triggers":["\#(triggers[index % 4])"],"coping":"called a friend"}}"#)
      } else {
        lines.append(
          #"{"at":{"offset":0,"unix":\#(at)},"id":"\#(id)","kind":"use","source":"direct","#
            + #""use":{"substance":"\#(index % 3 == 0 ? "wine" : "a substance with a long name")","#
            + #""amount":250,"unit":"ml","cost":12.5,"setting":"a friend's place"}}"#)
      }
    }
    lines.append(
      #"{"at":{"offset":0,"unix":\#(now - 90 * 86_400)},"id":"\#(String(format: "%032x", 999))","#
        + #""kind":"goal","source":"direct","goal":{"archived":false,"rule":{"kind":"cap","#
        + #""amount":14,"unit":"units","substance":"alcohol","period":"week"}}}"#)
    let file = cli.folder + "/entries.jsonl"
    cli.write(file, lines.joined(separator: "\n") + "\n")
    let imported = try cli.run(["import", file])
    #expect(imported.status == 0, "\(imported.stderr)")
  }

  @Test(.timeLimit(.minutes(2)), arguments: [["--weeks", "12"], ["--year", "this"]])
  func theHTMLReportFitsAPhoneAndADesktop(selection: [String]) throws {
    let cli = CLIRunner()
    try Self.journal(cli)
    let page = cli.folder + "/report.html"
    let report = try cli.run(["report", "--format", "html", "--output", page] + selection)
    #expect(report.status == 0, "\(report.stderr)")
    let check = try cli.run(
      [Self.root + "/Scripts/html-check.py", page, cli.folder + "/screenshots"],
      tool: "/usr/bin/env")
    if check.status == 2 {
      FileHandle.standardError.write(Data("skipped: \(check.stderr)".utf8))
      return
    }
    #expect(check.status == 0, "\(selection): \(check.stdout)\(check.stderr)")
  }
}
