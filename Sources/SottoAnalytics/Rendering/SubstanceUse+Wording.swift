extension SubstanceUse {
  /// The amounts as every format words them, each unit passed through `unit` (escaping):
  /// "750 ml · 2 drinks · 1 without an amount · 5.9 UK units (2 not convertible)".
  func amountParts(unit: (String) -> String) -> [String] {
    var parts = amounts.map { "\(NumberText.amount($0.total)) \(unit($0.unit))" }
    if occasionsWithoutAmount > 0 {
      parts.append("\(occasionsWithoutAmount) without an amount")
    }
    if let standardDrinks, let standard {
      let notConverted = occasionsNotInStandardDrinks ?? 0
      if notConverted < occasions {
        var part = "\(NumberText.amount(standardDrinks)) \(standard.name)"
        if notConverted > 0 { part += " (\(notConverted) not convertible)" }
        parts.append(part)
      }
    }
    return parts
  }
}
