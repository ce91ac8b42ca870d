import Foundation
import SottoAnalytics
import SottoModel
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct RenderingTests {
  let report: WeeklyReport

  init() throws {
    report = try Fixture.report()
  }

  @Test func textRenderingMatchesTheReviewedSnapshot() {
    #expect(TextReportRenderer().render(report) == Snapshots.text)
  }

  @Test func markdownRenderingMatchesTheReviewedSnapshot() {
    #expect(MarkdownReportRenderer().render(report) == Snapshots.markdown)
  }

  @Test func jsonRenderingMatchesTheReviewedSnapshotAndDecodesBack() throws {
    let json = JSONReportRenderer().render(report)
    #expect(json == Snapshots.json)
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    let decoded = try decoder.decode(WeeklyReport.self, from: Data(json.utf8))
    #expect(decoded == report)
    #expect(json.contains("\"schemaVersion\" : 3"))
    #expect(json.contains("\"generatedAt\" : \"2026-03-29T18:00:00Z\""))
  }

  @Test func textFitsEightyColumnsAndHasNoEscapesWithoutColour() throws {
    let empty = try Fixture.report(entries: [])
    for text in [TextReportRenderer().render(report), TextReportRenderer().render(empty)] {
      for line in text.split(separator: "\n") { #expect(line.count <= 80) }
      #expect(!text.contains("\u{1B}"))
    }
    let coloured = TextReportRenderer(colour: true).render(report)
    #expect(coloured.contains("\u{1B}[1m"))
  }

  @Test func textCleansControlCharactersFromThePersonsText() throws {
    let entry = Entry(
      id: Fixture.id(1), at: Fixture.timestamp("2026-03-27T21:00", offset: 1),
      body: .use(Use(substance: "evil\u{1B}[31m" + String(repeating: "x", count: 200))))
    let text = TextReportRenderer().render(try Fixture.report(entries: [entry]))
    #expect(!text.contains("\u{1B}"))
    for line in text.split(separator: "\n") { #expect(line.count <= 80) }
  }

  @Test func htmlIsWellFormedSelfContainedAndEscapesThePersonsText() throws {
    let entries =
      Fixture.entries + [
        Entry(
          id: Fixture.id(900), at: Fixture.timestamp("2026-03-26T20:00", offset: 1),
          body: .use(Use(substance: "<script>alert(1)</script>", amount: 1, unit: "a&b"))),
        Entry(
          id: Fixture.id(901), at: Fixture.timestamp("2026-03-26T20:00", offset: 1),
          body: .urge(Urge(intensity: 2, triggers: ["\"quoted\" <b>"], outcome: .resisted))),
      ]
    for html in [
      HTMLReportRenderer().render(report),
      HTMLReportRenderer().render(try Fixture.report(entries: entries)),
      HTMLReportRenderer().render(try Fixture.report(entries: [])),
    ] {
      let parser = XMLParser(data: Data(html.utf8))
      #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
      for forbidden in ["http", "//", "src=", "url(", "<script", "<link", "<img", "@import"] {
        #expect(!html.lowercased().contains(forbidden), "found \(forbidden)")
      }
    }
    let html = HTMLReportRenderer().render(try Fixture.report(entries: entries))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("a&amp;b"))
    #expect(html.contains("&quot;quoted&quot; &lt;b&gt;"))
    #expect(html.contains("<svg"))
    #expect(html.contains("is not encrypted"))
  }

  @Test func markdownEscapesThePersonsText() throws {
    let entry = Entry(
      id: Fixture.id(1), at: Fixture.timestamp("2026-03-27T21:00", offset: 1),
      body: .use(Use(substance: "<script>|*x*", amount: 1, unit: "[u](v)")))
    let markdown = MarkdownReportRenderer().render(try Fixture.report(entries: [entry]))
    #expect(markdown.contains("&lt;script&gt;\\|\\*x\\*"))
    #expect(markdown.contains("1 \\[u\\](v)"))
    #expect(!markdown.contains("<script>"))
  }

  @Test func languageIsNonJudgmental() throws {
    let texts = [
      TextReportRenderer().render(report), MarkdownReportRenderer().render(report),
      HTMLReportRenderer().render(report),
      TextStatusRenderer().render(
        JournalStatus.build(entries: Fixture.entries, timeZone: Fixture.berlin, now: Fixture.now)),
    ]
    for text in texts {
      for word in ["relapse", "failure", "failed", "clean", "dirty"] {
        #expect(!text.lowercased().contains(word), "found \(word)")
      }
    }
  }
}
