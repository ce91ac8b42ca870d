import SottoModel

extension GoalRule {
  /// The goal in plain words ("At most 10 drinks of alcohol a week"); holds the person's text.
  public var plainDescription: String {
    switch self {
    case .cap(let amount, let unit, let substance, let period):
      return "At most \(NumberText.amount(amount)) \(Naming.unit(unit)) of "
        + "\(Naming.canonical(substance)) a \(period.rawValue)"
    case .useFreeDays(let days, let period):
      return period == .week
        ? "At least \(NumberText.count(days, "use-free day")) a week"
        : (days == 0 ? "No use-free day asked for" : "Every day use-free")
    case .minGap(let hours, let substance):
      return "At least \(NumberText.amount(hours)) hours between uses of "
        + Naming.canonical(substance)
    case .maxSpend(let amount, let period):
      return "Spend at most \(NumberText.money(amount)) a \(period.rawValue)"
    case .resistRate(let percent):
      return "Resist at least \(percent)% of urges"
    }
  }
}

extension GoalStatus {
  /// The status in plain words ("on track").
  public var label: String {
    switch self {
    case .met: "met"
    case .onTrack: "on track"
    case .exceeded: "exceeded"
    case .notReached: "not reached"
    }
  }
}

extension GoalProgress {
  /// The status as shown: "below target so far" replaces "not reached" while the span runs.
  public var statusLabel: String {
    status == .notReached && !isFinal ? "below so far" : status.label
  }

  /// The numbers behind the status in plain words ("7 of 10 drinks so far").
  /// How the goal went in earlier weeks, in words: "met in 6 of the last 10 weeks, 3 in a row
  /// now"; nil without a history.
  public var historyText: String? {
    guard let history else { return nil }
    var text = "met in \(history.met) of the last \(NumberText.count(history.weeks, "week"))"
    if history.inARow > 1 {
      text += ", \(history.inARow) in a row now"
    } else if history.inARow == 0 {
      text += ", not the latest"
    }
    return text
  }

  public var detail: String {
    let soFar = isFinal ? "" : " so far"
    switch rule {
    case .cap(_, let unit, _, let period):
      let unitName = Naming.unit(unit)
      var text: String
      if period == .day && firstDay == lastDay {
        text = "\(NumberText.amount(actual ?? 0)) of \(NumberText.amount(target)) \(unitName)"
        text += soFar
      } else if period == .day {
        text =
          "highest day \(NumberText.amount(actual ?? 0)) of \(NumberText.amount(target)) "
          + unitName
        if let over = daysOverLimit, over > 0 {
          text += ", \(NumberText.count(over, "day")) over"
        }
      } else {
        text = "\(NumberText.amount(actual ?? 0)) of \(NumberText.amount(target)) \(unitName)"
        text += soFar
        if let judged = weeksJudged, let over = weeksOverLimit {
          text +=
            over > 0
            ? ", \(over) of \(NumberText.count(judged, "week")) over the cap"
            : ", every week under the cap"
        } else if let actual, actual > target {
          text += " (\(NumberText.amount(actual - target)) over)"
        }
      }
      if let uncounted = uncountedOccasions, uncounted > 0 {
        text +=
          "; \(NumberText.count(uncounted, "use")) in other units or without an amount"
          + " not counted"
      }
      return text
    case .useFreeDays:
      return "\(NumberText.count(Int(actual ?? 0), "use-free day")) "
        + "(\(NumberText.amount(target)) asked for)\(status == .onTrack ? soFar : "")"
    case .minGap:
      guard let actual else { return "no two uses to compare\(soFar)" }
      var text = "shortest gap \(NumberText.decimal(actual)) hours"
      if let short = shortGaps, short > 0 {
        text += ", \(NumberText.count(short, "gap")) shorter than \(NumberText.amount(target))"
      }
      return text
    case .maxSpend(_, let period):
      if period == .day && firstDay != lastDay {
        var text = "highest day \(NumberText.money(actual ?? 0)) of \(NumberText.money(target))"
        if let over = daysOverLimit, over > 0 {
          text += ", \(NumberText.count(over, "day")) over"
        }
        return text
      }
      var text = "\(NumberText.money(actual ?? 0)) of \(NumberText.money(target)) spent\(soFar)"
      if let judged = weeksJudged, let over = weeksOverLimit {
        text +=
          over > 0
          ? ", \(over) of \(NumberText.count(judged, "week")) over the limit"
          : ", every week within the limit"
      }
      return text
    case .resistRate:
      guard let actual else { return "no urges with an outcome\(soFar)" }
      return "\(NumberText.percent(actual)) of \(NumberText.count(urgesCounted ?? 0, "urge")) "
        + "resisted\(soFar)"
    }
  }

  /// How full the goal's bar is, from 0 (nothing) with 1 at the target; `nil` for a minimum gap.
  public var fillFraction: Double? {
    switch rule {
    case .minGap: return nil
    default:
      guard target > 0 else { return (actual ?? 0) > 0 ? 2 : 0 }
      return (actual ?? 0) / target
    }
  }
}
