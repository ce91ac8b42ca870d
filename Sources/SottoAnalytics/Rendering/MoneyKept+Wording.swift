extension MoneyKept {
  /// "At your usual 120.00 a week (your first 4 weeks), these 7 days come to 120.00; 40.00
  /// spent, so 80.00 kept."
  var text: String {
    let usualText =
      "At your usual \(NumberText.money(baselinePerWeek)) a week ("
      + (source == .set ? "your baseline" : "your first 4 weeks") + "), "
      + "\(days == 1 ? "this day comes" : "these \(days) days come") to \(NumberText.money(usual)); "
      + "\(NumberText.money(spent)) spent, so "
    if kept >= 0 { return usualText + "\(NumberText.money(kept)) kept." }
    return usualText + "\(NumberText.money(-kept)) more than usual."
  }
}
