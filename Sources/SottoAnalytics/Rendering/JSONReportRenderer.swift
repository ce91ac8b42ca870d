import Foundation

/// Renders a report (or a status) as pretty-printed JSON with sorted keys and ISO 8601 dates.
///
/// The shape is `schemaVersion` 1, documented key by key in `Docs/REPORTS.md`.
public struct JSONReportRenderer: Sendable {
  /// Creates a renderer.
  public init() {}

  /// The report as JSON text, ending with a newline.
  public func render(_ report: WeeklyReport) -> String {
    encode(report)
  }

  /// The status as JSON text, ending with a newline.
  public func render(_ status: JournalStatus) -> String {
    encode(status)
  }

  private func encode(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    // Every value here is plain data; encoding cannot fail.
    let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
