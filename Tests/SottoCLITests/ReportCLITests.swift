import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `sotto report`, `status` and `demo` from the real binary.
@Suite struct ReportCLITests {
  private func journal(_ cli: CLIRunner) throws {
    try cli.initJournal()
    try cli.run(["urge", "7", "--trigger", "payday", "--resisted"])
    try cli.run(["urge", "5", "--trigger", "bored", "--acted", "--at", "2h ago"])
    try cli.run(["use", "alcohol", "3", "drinks", "--cost", "18.50"])
    try cli.run(["goal", "add", "--max", "10", "drinks", "--of", "alcohol", "--per", "week"])
  }

  @Test func everyFormatRendersTheQuickStartJournal() throws {
    let cli = CLIRunner()
    try journal(cli)
    let text = try cli.run(["report"])
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("URGES"))
    #expect(text.stdout.contains("payday"))
    #expect(!text.stdout.contains("\u{1B}["))  // no colour when not a terminal
    #expect(text.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })

    let markdown = try cli.run(["report", "--format", "markdown"])
    #expect(markdown.stdout.contains("#"))
    let json = try cli.run(["report", "--format", "json", "--week", "last"])
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    #expect(object?["schemaVersion"] as? Int == 3)

    let file = cli.folder + "/report.html"
    let html = try cli.run(["report", "--format", "html", "--weeks", "4", "--output", file])
    #expect(html.status == 0, "\(html.stderr)")
    #expect(html.stderr.contains("NOT encrypted"))
    #expect(
      try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int == 0o600)
    let page = try String(contentsOfFile: file, encoding: .utf8)
    for forbidden in ["http", "//", "src=", "url("] { #expect(!page.contains(forbidden)) }
    let parser = XMLParser(data: Data(page.utf8))
    #expect(parser.parse(), "the HTML report is not well-formed XML")
    #expect(try cli.run(["report", "--format", "html", "--output", file]).status == 64)
    #expect(try cli.run(["report", "--format", "html", "--output", file, "--force"]).status == 0)
  }

  @Test(arguments: [
    ["report", "--week", "2026-W99"], ["report", "--week", "someday"],
    ["report", "--weeks", "0"], ["report", "--week", "last", "--since", "7d"],
    ["report", "--until", "today"], ["report", "--format", "pdf"],
  ])
  func badReportOptionsAreRefused(arguments: [String]) throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let result = try cli.run(arguments)
    #expect(result.status == 64, "\(arguments): \(result.stderr)")
  }

  @Test func anEmptyJournalGivesASensibleReportAndStatus() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let report = try cli.run(["report"])
    #expect(report.status == 0)
    #expect(report.stdout.contains("URGES"))
    let status = try cli.run(["status"])
    #expect(status.status == 0, "\(status.stderr)")
    let json = try cli.run(["status", "--format", "json"])
    #expect((try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) != nil)
  }

  @Test func statusShowsTimeSinceLastUseAndGoals() throws {
    let cli = CLIRunner()
    try journal(cli)
    let status = try cli.run(["status"])
    #expect(status.status == 0)
    #expect(status.stdout.contains("alcohol"))
    #expect(status.stdout.contains("At most 10 drinks of alcohol"))
  }

  @Test func demoPrintsAReportAndLeavesNothingBehind() throws {
    let cli = CLIRunner()
    let temporary = cli.folder + "/tmp"
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    let demo = try cli.run(["demo", "--weeks", "3"], environment: ["TMPDIR": temporary])
    #expect(demo.status == 0, "\(demo.stderr)")
    #expect(demo.stdout.contains("URGES"))
    #expect(demo.stdout.contains("sotto init"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty)
    #expect(!FileManager.default.fileExists(atPath: cli.journal))
  }
}
