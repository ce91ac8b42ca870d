/// Money kept: what the period's spending would have been at the person's usual weekly
/// spending, against what it was.
///
/// The usual spending is the person's own baseline (`sotto config baseline 120`) or, without
/// one, the mean weekly spending of the journal's first four weeks (its first 28 days), once
/// those are over. Worded as money kept, never as a judgement.
public struct MoneyKept: Codable, Sendable, Equatable {
  /// Where the baseline comes from.
  public enum Source: String, Codable, Sendable {
    /// The person set it.
    case set
    /// The mean of the journal's first four weeks.
    case firstWeeks
  }

  /// The usual spending per week.
  public var baselinePerWeek: Double
  /// Where it comes from.
  public var source: Source
  /// The period's days counted (today or earlier, from the journal's first day).
  public var days: Int
  /// The baseline for those days: `baselinePerWeek × days / 7`.
  public var usual: Double
  /// What was spent in those days.
  public var spent: Double
  /// `usual − spent`: money kept (negative: spent more than usual).
  public var kept: Double

  /// The length of the journal's opening used as a baseline, in days.
  public static let firstWeeksDays = 28

  init?(
    totals: JournalIndex.PeriodTotals, index: JournalIndex, today: Int, baselinePerWeek set: Double?
  ) {
    let baseline: Double
    if let set {
      baseline = set
      source = .set
    } else {
      guard let first = index.firstDay, today >= first + Self.firstWeeksDays else { return nil }
      let spent = (first..<first + Self.firstWeeksDays).reduce(0.0) {
        $0 + (index.days[$1]?.spending ?? 0)
      }
      // Nothing spent at first: there is no money to compare with.
      guard spent > 0 else { return nil }
      baseline = spent / 4
      source = .firstWeeks
    }
    guard totals.daysCounted > 0 else { return nil }
    baselinePerWeek = baseline
    days = totals.daysCounted
    usual = baseline * Double(totals.daysCounted) / 7
    spent = totals.spending
    kept = usual - totals.spending
  }
}
