/// The rows of the "what helps and what hurts" section, shared by the renderers: each format
/// lays out the same labels and numbers.
extension Patterns {
  /// One table of the section: a title, its column names and its rows (the first cell user
  /// text, the rest numbers).
  struct Table {
    var title: String
    var columns: [String]
    var rows: [[String]]
  }

  /// The window in words: "8 weeks to Sun 29 Mar 2026".
  var windowText: String {
    "\(NumberText.count(weeks, "week")) to \(DateText.long(lastDay))"
  }

  /// What the section says when nothing reaches the minimum.
  static let notEnough =
    "Not enough entries yet: a row needs at least \(minimumCount) urges or uses with the same "
    + "trigger, way of coping, time, setting or mood."

  /// The tables that have rows.
  var tables: [Table] {
    func outcomes(_ title: String, _ rows: [OutcomeCount], change: Bool) -> Table {
      Table(
        title: title,
        columns: ["urges", "resisted", "acted on"] + (change ? ["intensity"] : []),
        rows: rows.map { row in
          [row.label, String(row.urges), String(row.resisted), String(row.actedOn)]
            + (change
              ? [row.meanIntensityChange.map { NumberText.signed(($0 * 10).rounded() / 10) } ?? "—"]
              : [])
        })
    }
    var tables = [
      outcomes("After a trigger", triggers, change: false),
      outcomes("What helped", coping, change: true),
      Table(
        title: "When urges were acted on or use came", columns: ["times"],
        rows: riskyTimes.map { ["\($0.weekday.name) \($0.partOfDay)", String($0.count)] }),
      Table(
        title: "Where use came", columns: ["uses"],
        rows: settings.map { [$0.label, String($0.count)] }),
      Table(
        title: "Mood before use", columns: ["uses"],
        rows: moodsBefore.map { [$0.label, String($0.count)] }),
    ]
    tables.removeAll { $0.rows.isEmpty }
    return tables
  }
}
