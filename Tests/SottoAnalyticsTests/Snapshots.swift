// Expected renderings of the fixture report (2026-W13, now Sunday 2026-03-29 20:00 Berlin).
// Every number here was checked by hand against the fixture in Fixture.swift; see
// WeeklyReportTests for the working. Update only after reviewing a diff line by line.

enum Snapshots {
  static let text = #"""
    Sotto · week 2026-W13 · Mon 23 Mar – Sun 29 Mar 2026
    Europe/Berlin · so far (today is Sun 29 Mar 2026)

    URGES
      7 urges · mean intensity 6.0 · peak 9
      Resisted 3 · acted on 3 · not said 1 · resist rate 50%
      Mean duration 21.7 minutes (3 urges)
      Urge surfing: 2 urges · intensity 3.0 points lower on average

      Top triggers
        payday              ████████████████████████████████████████ 3
        bored               ██████████████████████████▋ 2
        after work          █████████████▍ 1
        friends             █████████████▍ 1
        stress              █████████████▍ 1

      By weekday
        Mon     0
        Tue     0
        Wed     2 ██████████████████████████▋
        Thu     0
        Fri     2 ██████████████████████████▋
        Sat     0
        Sun     3 ████████████████████████████████████████

      By hour of day  ▁█▁█▁▁▁▁▁▁▁▁▁▁█▁▁▁██▁▁██
                      0     6     12    18   23

    USE
      6 occasions · 4 use days · 3 use-free days
      Use-free streak: 0 days now · longest 6 days
      Spending 80.00 (5 uses with a cost)

      alcohol           3 occasions   7 drinks · 330 ml
      cannabis          2 occasions   3 joints
      mdma              1 occasion    1 without an amount

      Mon 23 Mar   use       1 occasion
      Tue 24 Mar   use-free
      Wed 25 Mar   use-free  2 urges
      Thu 26 Mar   use-free
      Fri 27 Mar   use       2 occasions · 2 urges
      Sat 28 Mar   use       2 occasions
      Sun 29 Mar   use       1 occasion · 3 urges

    GOALS
      on track      At most 10 drinks of alcohol a week
                    ███████████░░░░░ 7 of 10 drinks so far; 1 use in other units or
                    without an amount not counted
                    Before: met in 3 of the last 3 weeks, 3 in a row now.
      met           At least 2 use-free days a week
                    ████████████████ 3 use-free days (2 asked for)
                    Before: met in 3 of the last 3 weeks, 3 in a row now.
      exceeded      At most 2 joints of cannabis a week
                    ████████████████ 3 of 2 joints so far (1 over)
                    Before: met in 3 of the last 3 weeks, 3 in a row now.
      on track      At least 24 hours between uses of cannabis
                    shortest gap 140.7 hours
      exceeded      Spend at most 60.00 a week
                    ████████████████ 80.00 of 60.00 spent so far
                    Before: met in 3 of the last 3 weeks, 3 in a row now.
      on track      Resist at least 50% of urges
                    ████████████████ 50% of 6 urges resisted so far
      exceeded      At most 4 drinks of alcohol a day
                    ████████████████ highest day 7 of 4 drinks, 1 day over; 1 use in
                    other units or without an amount not counted

    COMPARED WITH LAST WEEK AND THE 3-WEEK MEAN
                           now   before         change     mean         change
      Urges                  7        1       +6 +600%     1.67    +5.33 +320%
      Resisted               3        1       +2 +200%        1       +2 +200%
      Acted on               3        0             +3     0.67    +2.33 +350%
      Use occasions          6        2       +4 +200%     1.33    +4.67 +350%
      Use-free days          3        5        -2 -40%     5.67     -2.67 -47%
      Spending           80.00    18.00   +62.00 +344%    17.67   +62.33 +353%
      The mean covers 3 earlier periods with data; "—" means no data.

    LAST 8 WEEKS
      2026-W06 to 2026-W13, oldest first
      Urges            ····▃▃▂█  — — — — 2 2 1 7
      Use occasions    ····▂▂▃█  — — — — 1 1 2 6
      Use-free days    ····██▇▅  — — — — 6 6 5 3
      Resisted %       ····▅▅█▅  — — — — 50 50 100 50
      Spending         ····▃▂▃█  — — — — 20.00 15.00 18.00 80.00
      cannabis, joints ····▁▁▁█  — — — — 0 0 0 3
      · and — : before the journal began (no data)
      Mean of the last 4 weeks: urges 3 · use occasions 2.5 · use-free days 5 ·
      spending 33.25 · cannabis, joints 0.75

    WHAT HELPS AND WHAT HURTS
      Over the 8 weeks to Sun 29 Mar 2026
      After a trigger                          urges  resisted  acted on
        bored                                      5         4         1
        payday                                     3         0         3
        stress                                     3         2         1
      When urges were acted on or use came     times
        Friday evening                             7
        Saturday evening                           4
      A row needs at least 3 urges or uses.

    OBSERVATIONS
      • Most urges (4 of 7) came in the evening.
      • “payday” preceded 3 of the 3 urges you acted on.
      • Urge surfing lowered intensity by 3.0 points on average (2 urges).
      • Acting on urges and use came most on Friday evening (7 times, over the last
        8 weeks).

    """#

  static let markdown = #"""
    # Sotto · week 2026-W13

    Mon 23 Mar – Sun 29 Mar 2026 · Europe/Berlin · so far (today is Sun 29 Mar 2026)

    ## Urges

    | | |
    |---|---:|
    | Urges | 7 |
    | Mean intensity | 6.0 |
    | Peak intensity | 9 |
    | Resisted | 3 |
    | Acted on | 3 |
    | Not said | 1 |
    | Resist rate | 50% |
    | Mean duration | 21.7 minutes (3 urges) |
    | Urge surfing | 2 urges, intensity change -3 on average |

    **Top triggers**

    | Trigger | Urges |
    |---|---:|
    | payday | 3 |
    | bored | 2 |
    | after work | 1 |
    | friends | 1 |
    | stress | 1 |

    **By weekday**

    | Mon | Tue | Wed | Thu | Fri | Sat | Sun |
    |---:|---:|---:|---:|---:|---:|---:|
    | 0 | 0 | 2 | 0 | 2 | 0 | 3 |

    **By hour of day** (00–23): `▁█▁█▁▁▁▁▁▁▁▁▁▁█▁▁▁██▁▁██`

    ## Use

    6 occasions · 4 use days · 3 use-free days

    Use-free streak: 0 days now, longest 6 days. Spending: 80.00.

    | Substance | Occasions | Amounts | Spending |
    |---|---:|---|---:|
    | alcohol | 3 | 7 drinks, 330 ml | 50.00 |
    | cannabis | 2 | 3 joints | 30.00 |
    | mdma | 1 | 1 without an amount | 0.00 |

    | Day | Counts as | Use occasions | Urges |
    |---|---|---:|---:|
    | Mon 23 Mar | use | 1 | 0 |
    | Tue 24 Mar | use-free | 0 | 0 |
    | Wed 25 Mar | use-free | 0 | 2 |
    | Thu 26 Mar | use-free | 0 | 0 |
    | Fri 27 Mar | use | 2 | 2 |
    | Sat 28 Mar | use | 2 | 0 |
    | Sun 29 Mar | use | 1 | 3 |

    ## Goals

    | Goal | Status | Progress |
    |---|---|---|
    | At most 10 drinks of alcohol a week | on track | 7 of 10 drinks so far; 1 use in other units or without an amount not counted; before: met in 3 of the last 3 weeks, 3 in a row now |
    | At least 2 use-free days a week | met | 3 use-free days (2 asked for); before: met in 3 of the last 3 weeks, 3 in a row now |
    | At most 2 joints of cannabis a week | exceeded | 3 of 2 joints so far (1 over); before: met in 3 of the last 3 weeks, 3 in a row now |
    | At least 24 hours between uses of cannabis | on track | shortest gap 140.7 hours |
    | Spend at most 60.00 a week | exceeded | 80.00 of 60.00 spent so far; before: met in 3 of the last 3 weeks, 3 in a row now |
    | Resist at least 50% of urges | on track | 50% of 6 urges resisted so far |
    | At most 4 drinks of alcohol a day | exceeded | highest day 7 of 4 drinks, 1 day over; 1 use in other units or without an amount not counted |

    ## Compared with earlier weeks

    | | Now | Before | Change | Mean of 3 before | Change |
    |---|---:|---:|---:|---:|---:|
    | Urges | 7 | 1 | +6 (+600%) | 1.67 | +5.33 (+320%) |
    | Resisted | 3 | 1 | +2 (+200%) | 1 | +2 (+200%) |
    | Acted on | 3 | 0 | +3 (no data) | 0.67 | +2.33 (+350%) |
    | Use occasions | 6 | 2 | +4 (+200%) | 1.33 | +4.67 (+350%) |
    | Use-free days | 3 | 5 | -2 (-40%) | 5.67 | -2.67 (-47%) |
    | Spending | 80.00 | 18.00 | +62.00 (+344%) | 17.67 | +62.33 (+353%) |

    ## Last 8 weeks

    2026-W06 to 2026-W13, oldest first.

    | | Trend | Values | Mean of the last 4 |
    |---|---|---|---:|
    | Urges | `····▃▃▂█` | — — — — 2 2 1 7 | 3 |
    | Use occasions | `····▂▂▃█` | — — — — 1 1 2 6 | 2.5 |
    | Use-free days | `····██▇▅` | — — — — 6 6 5 3 | 5 |
    | Resisted % | `····▅▅█▅` | — — — — 50 50 100 50 | — |
    | Spending | `····▃▂▃█` | — — — — 20.00 15.00 18.00 80.00 | 33.25 |
    | cannabis, joints | `····▁▁▁█` | — — — — 0 0 0 3 | 0.75 |

    · and —: before the journal began (no data).

    ## What helps and what hurts

    Over the 8 weeks to Sun 29 Mar 2026.

    | After a trigger | urges | resisted | acted on |
    |---|---:|---:|---:|
    | bored | 5 | 4 | 1 |
    | payday | 3 | 0 | 3 |
    | stress | 3 | 2 | 1 |

    | When urges were acted on or use came | times |
    |---|---:|
    | Friday evening | 7 |
    | Saturday evening | 4 |

    ## Observations

    - Most urges (4 of 7) came in the evening.
    - “payday” preceded 3 of the 3 urges you acted on.
    - Urge surfing lowered intensity by 3.0 points on average (2 urges).
    - Acting on urges and use came most on Friday evening (7 times, over the last 8 weeks).

    """#

  static let json = #"""
    {
      "comparison" : {
        "daysCompared" : 7,
        "isPartial" : false,
        "metrics" : [
          {
            "changeFromMean" : 5.333333333333333,
            "changeFromPrevious" : 6,
            "current" : 7,
            "metric" : "urges",
            "percentFromMean" : 320,
            "percentFromPrevious" : 600,
            "previous" : 1,
            "priorMean" : 1.6666666666666667
          },
          {
            "changeFromMean" : 2,
            "changeFromPrevious" : 2,
            "current" : 3,
            "metric" : "resisted",
            "percentFromMean" : 200,
            "percentFromPrevious" : 200,
            "previous" : 1,
            "priorMean" : 1
          },
          {
            "changeFromMean" : 2.3333333333333335,
            "changeFromPrevious" : 3,
            "current" : 3,
            "metric" : "actedOn",
            "percentFromMean" : 350.00000000000006,
            "previous" : 0,
            "priorMean" : 0.6666666666666666
          },
          {
            "changeFromMean" : 4.666666666666667,
            "changeFromPrevious" : 4,
            "current" : 6,
            "metric" : "useOccasions",
            "percentFromMean" : 350.00000000000006,
            "percentFromPrevious" : 200,
            "previous" : 2,
            "priorMean" : 1.3333333333333333
          },
          {
            "changeFromMean" : -2.666666666666667,
            "changeFromPrevious" : -2,
            "current" : 3,
            "metric" : "useFreeDays",
            "percentFromMean" : -47.05882352941177,
            "percentFromPrevious" : -40,
            "previous" : 5,
            "priorMean" : 5.666666666666667
          },
          {
            "changeFromMean" : 62.33333333333333,
            "changeFromPrevious" : 62,
            "current" : 80,
            "metric" : "spending",
            "percentFromMean" : 352.8301886792452,
            "percentFromPrevious" : 344.44444444444446,
            "previous" : 18,
            "priorMean" : 17.666666666666668
          }
        ],
        "periodsInMean" : 3,
        "previousFirstDay" : "2026-03-16"
      },
      "dayStart" : "00:00",
      "days" : [
        {
          "date" : "2026-03-23",
          "state" : "use",
          "urges" : 0,
          "useOccasions" : 1,
          "weekday" : "monday"
        },
        {
          "date" : "2026-03-24",
          "state" : "useFree",
          "urges" : 0,
          "useOccasions" : 0,
          "weekday" : "tuesday"
        },
        {
          "date" : "2026-03-25",
          "state" : "useFree",
          "urges" : 2,
          "useOccasions" : 0,
          "weekday" : "wednesday"
        },
        {
          "date" : "2026-03-26",
          "state" : "useFree",
          "urges" : 0,
          "useOccasions" : 0,
          "weekday" : "thursday"
        },
        {
          "date" : "2026-03-27",
          "state" : "use",
          "urges" : 2,
          "useOccasions" : 2,
          "weekday" : "friday"
        },
        {
          "date" : "2026-03-28",
          "state" : "use",
          "urges" : 0,
          "useOccasions" : 2,
          "weekday" : "saturday"
        },
        {
          "date" : "2026-03-29",
          "state" : "use",
          "urges" : 3,
          "useOccasions" : 1,
          "weekday" : "sunday"
        }
      ],
      "daysElapsed" : 7,
      "drinksStandard" : "who",
      "generatedAt" : "2026-03-29T18:00:00Z",
      "goals" : [
        {
          "actual" : 7,
          "firstDay" : "2026-03-23",
          "goalID" : "00000000000000000000000000000001",
          "history" : {
            "inARow" : 3,
            "met" : 3,
            "weeks" : 3
          },
          "isFinal" : false,
          "lastDay" : "2026-03-29",
          "rule" : {
            "amount" : 10,
            "kind" : "cap",
            "period" : "week",
            "substance" : "alcohol",
            "unit" : "drinks"
          },
          "startDay" : "2026-03-02",
          "status" : "onTrack",
          "target" : 10,
          "uncountedOccasions" : 1
        },
        {
          "actual" : 3,
          "firstDay" : "2026-03-23",
          "goalID" : "00000000000000000000000000000002",
          "history" : {
            "inARow" : 3,
            "met" : 3,
            "weeks" : 3
          },
          "isFinal" : false,
          "lastDay" : "2026-03-29",
          "rule" : {
            "days" : 2,
            "kind" : "useFreeDays",
            "period" : "week"
          },
          "startDay" : "2026-03-02",
          "status" : "met",
          "target" : 2
        },
        {
          "actual" : 3,
          "firstDay" : "2026-03-23",
          "goalID" : "00000000000000000000000000000003",
          "history" : {
            "inARow" : 3,
            "met" : 3,
            "weeks" : 3
          },
          "isFinal" : false,
          "lastDay" : "2026-03-29",
          "rule" : {
            "amount" : 2,
            "kind" : "cap",
            "period" : "week",
            "substance" : "cannabis",
            "unit" : "joints"
          },
          "startDay" : "2026-03-02",
          "status" : "exceeded",
          "target" : 2,
          "uncountedOccasions" : 0
        },
        {
          "actual" : 140.66666666666666,
          "firstDay" : "2026-03-23",
          "goalID" : "00000000000000000000000000000004",
          "isFinal" : false,
          "lastDay" : "2026-03-29",
          "rule" : {
            "hours" : 24,
            "kind" : "minGap",
            "substance" : "cannabis"
          },
          "shortGaps" : 0,
          "startDay" : "2026-03-02",
          "status" : "onTrack",
          "target" : 24
        },
        {
          "actual" : 80,
          "firstDay" : "2026-03-23",
          "goalID" : "00000000000000000000000000000005",
          "history" : {
            "inARow" : 3,
            "met" : 3,
            "weeks" : 3
          },
          "isFinal" : false,
          "lastDay" : "2026-03-29",
          "rule" : {
            "amount" : 60,
            "kind" : "maxSpend",
            "period" : "week"
          },
          "startDay" : "2026-03-02",
          "status" : "exceeded",
          "target" : 60
        },
        {
          "actual" : 50,
          "firstDay" : "2026-03-23",
          "goalID" : "00000000000000000000000000000006",
          "isFinal" : false,
          "lastDay" : "2026-03-29",
          "rule" : {
            "kind" : "resistRate",
            "percent" : 50
          },
          "startDay" : "2026-03-02",
          "status" : "onTrack",
          "target" : 50,
          "urgesCounted" : 6
        },
        {
          "actual" : 7,
          "daysOverLimit" : 1,
          "firstDay" : "2026-03-23",
          "goalID" : "00000000000000000000000000000007",
          "isFinal" : false,
          "lastDay" : "2026-03-29",
          "rule" : {
            "amount" : 4,
            "kind" : "cap",
            "period" : "day",
            "substance" : "alcohol",
            "unit" : "drinks"
          },
          "startDay" : "2026-03-02",
          "status" : "exceeded",
          "target" : 4,
          "uncountedOccasions" : 1
        }
      ],
      "isComplete" : false,
      "observations" : [
        {
          "kind" : "urgeTiming",
          "text" : "Most urges (4 of 7) came in the evening."
        },
        {
          "kind" : "triggerBeforeActing",
          "text" : "“payday” preceded 3 of the 3 urges you acted on."
        },
        {
          "kind" : "urgeSurfing",
          "text" : "Urge surfing lowered intensity by 3.0 points on average (2 urges)."
        },
        {
          "kind" : "riskyTime",
          "text" : "Acting on urges and use came most on Friday evening (7 times, over the last 8 weeks)."
        }
      ],
      "patterns" : {
        "coping" : [

        ],
        "firstDay" : "2026-02-02",
        "lastDay" : "2026-03-29",
        "moodsBefore" : [

        ],
        "riskyTimes" : [
          {
            "count" : 7,
            "partOfDay" : "evening",
            "weekday" : "friday"
          },
          {
            "count" : 4,
            "partOfDay" : "evening",
            "weekday" : "saturday"
          }
        ],
        "settings" : [

        ],
        "triggers" : [
          {
            "actedOn" : 1,
            "label" : "bored",
            "meanIntensityChange" : -2,
            "resisted" : 4,
            "urges" : 5
          },
          {
            "actedOn" : 3,
            "label" : "payday",
            "resisted" : 0,
            "urges" : 3
          },
          {
            "actedOn" : 1,
            "label" : "stress",
            "meanIntensityChange" : -4,
            "resisted" : 2,
            "urges" : 3
          }
        ],
        "urges" : 12,
        "uses" : 10
      },
      "period" : {
        "dayCount" : 7,
        "firstDay" : "2026-03-23",
        "isoWeek" : "2026-W13",
        "kind" : "week",
        "lastDay" : "2026-03-29",
        "weekStart" : "monday"
      },
      "schemaVersion" : 3,
      "series" : [
        {
          "actedOn" : 0,
          "amounts" : [
            {
              "occasions" : 0,
              "substance" : "cannabis",
              "total" : 0,
              "unit" : "joints"
            }
          ],
          "daysCounted" : 0,
          "firstDay" : "2026-02-02",
          "label" : "2026-W06",
          "resisted" : 0,
          "spending" : 0,
          "standardDrinks" : 0,
          "urges" : 0,
          "useFreeDays" : 0,
          "useOccasions" : 0
        },
        {
          "actedOn" : 0,
          "amounts" : [
            {
              "occasions" : 0,
              "substance" : "cannabis",
              "total" : 0,
              "unit" : "joints"
            }
          ],
          "daysCounted" : 0,
          "firstDay" : "2026-02-09",
          "label" : "2026-W07",
          "resisted" : 0,
          "spending" : 0,
          "standardDrinks" : 0,
          "urges" : 0,
          "useFreeDays" : 0,
          "useOccasions" : 0
        },
        {
          "actedOn" : 0,
          "amounts" : [
            {
              "occasions" : 0,
              "substance" : "cannabis",
              "total" : 0,
              "unit" : "joints"
            }
          ],
          "daysCounted" : 0,
          "firstDay" : "2026-02-16",
          "label" : "2026-W08",
          "resisted" : 0,
          "spending" : 0,
          "standardDrinks" : 0,
          "urges" : 0,
          "useFreeDays" : 0,
          "useOccasions" : 0
        },
        {
          "actedOn" : 0,
          "amounts" : [
            {
              "occasions" : 0,
              "substance" : "cannabis",
              "total" : 0,
              "unit" : "joints"
            }
          ],
          "daysCounted" : 0,
          "firstDay" : "2026-02-23",
          "label" : "2026-W09",
          "resisted" : 0,
          "spending" : 0,
          "standardDrinks" : 0,
          "urges" : 0,
          "useFreeDays" : 0,
          "useOccasions" : 0
        },
        {
          "actedOn" : 1,
          "amounts" : [
            {
              "occasions" : 0,
              "substance" : "cannabis",
              "total" : 0,
              "unit" : "joints"
            }
          ],
          "daysCounted" : 7,
          "firstDay" : "2026-03-02",
          "label" : "2026-W10",
          "resisted" : 1,
          "rollingMean" : {
            "periods" : 1,
            "spending" : 20,
            "standardDrinks" : 0,
            "urges" : 2,
            "useFreeDays" : 6,
            "useOccasions" : 1
          },
          "spending" : 20,
          "standardDrinks" : 0,
          "urges" : 2,
          "useFreeDays" : 6,
          "useOccasions" : 1
        },
        {
          "actedOn" : 1,
          "amounts" : [
            {
              "occasions" : 0,
              "substance" : "cannabis",
              "total" : 0,
              "unit" : "joints"
            }
          ],
          "daysCounted" : 7,
          "firstDay" : "2026-03-09",
          "label" : "2026-W11",
          "resisted" : 1,
          "rollingMean" : {
            "periods" : 2,
            "spending" : 17.5,
            "standardDrinks" : 0,
            "urges" : 2,
            "useFreeDays" : 6,
            "useOccasions" : 1
          },
          "spending" : 15,
          "standardDrinks" : 0,
          "urges" : 2,
          "useFreeDays" : 6,
          "useOccasions" : 1
        },
        {
          "actedOn" : 0,
          "amounts" : [
            {
              "occasions" : 0,
              "substance" : "cannabis",
              "total" : 0,
              "unit" : "joints"
            }
          ],
          "daysCounted" : 7,
          "firstDay" : "2026-03-16",
          "label" : "2026-W12",
          "resisted" : 1,
          "rollingMean" : {
            "periods" : 3,
            "spending" : 17.666666666666668,
            "standardDrinks" : 0,
            "urges" : 1.6666666666666667,
            "useFreeDays" : 5.666666666666667,
            "useOccasions" : 1.3333333333333333
          },
          "spending" : 18,
          "standardDrinks" : 0,
          "urges" : 1,
          "useFreeDays" : 5,
          "useOccasions" : 2
        },
        {
          "actedOn" : 3,
          "amounts" : [
            {
              "occasions" : 2,
              "substance" : "cannabis",
              "total" : 3,
              "unit" : "joints"
            }
          ],
          "daysCounted" : 7,
          "firstDay" : "2026-03-23",
          "label" : "2026-W13",
          "resisted" : 3,
          "rollingMean" : {
            "periods" : 4,
            "spending" : 33.25,
            "standardDrinks" : 0,
            "urges" : 3,
            "useFreeDays" : 5,
            "useOccasions" : 2.5
          },
          "spending" : 80,
          "standardDrinks" : 0,
          "urges" : 7,
          "useFreeDays" : 3,
          "useOccasions" : 6
        }
      ],
      "timeZone" : "Europe/Berlin",
      "today" : "2026-03-29",
      "urges" : {
        "actedOn" : 3,
        "byHour" : [
          0,
          1,
          0,
          1,
          0,
          0,
          0,
          0,
          0,
          0,
          0,
          0,
          0,
          0,
          1,
          0,
          0,
          0,
          1,
          1,
          0,
          0,
          1,
          1
        ],
        "byWeekday" : [
          0,
          0,
          2,
          0,
          2,
          0,
          3
        ],
        "count" : 7,
        "meanDurationMinutes" : 21.666666666666668,
        "meanIntensity" : 6,
        "meanSurfingIntensityChange" : -3,
        "outcomeNotGiven" : 1,
        "peakIntensity" : 9,
        "resistRate" : 0.5,
        "resisted" : 3,
        "surfed" : 2,
        "surfedWithFinalIntensity" : 2,
        "topTriggers" : [
          {
            "count" : 3,
            "trigger" : "payday"
          },
          {
            "count" : 2,
            "trigger" : "bored"
          },
          {
            "count" : 1,
            "trigger" : "after work"
          },
          {
            "count" : 1,
            "trigger" : "friends"
          },
          {
            "count" : 1,
            "trigger" : "stress"
          }
        ],
        "urgesWithDuration" : 3
      },
      "use" : {
        "currentUseFreeStreakDays" : 0,
        "daysNotYetCounted" : 0,
        "daysWithoutData" : 0,
        "longestUseFreeStreakDays" : 6,
        "occasions" : 6,
        "occasionsWithCost" : 5,
        "spending" : 80,
        "substances" : [
          {
            "amounts" : [
              {
                "occasions" : 2,
                "total" : 7,
                "unit" : "drinks"
              },
              {
                "occasions" : 1,
                "total" : 330,
                "unit" : "ml"
              }
            ],
            "occasions" : 3,
            "occasionsNotInStandardDrinks" : 3,
            "occasionsWithoutAmount" : 0,
            "spending" : 50,
            "standard" : "who",
            "standardDrinks" : 0,
            "substance" : "alcohol"
          },
          {
            "amounts" : [
              {
                "occasions" : 2,
                "total" : 3,
                "unit" : "joints"
              }
            ],
            "occasions" : 2,
            "occasionsWithoutAmount" : 0,
            "spending" : 30,
            "substance" : "cannabis"
          },
          {
            "amounts" : [

            ],
            "occasions" : 1,
            "occasionsWithoutAmount" : 1,
            "spending" : 0,
            "substance" : "mdma"
          }
        ],
        "useDays" : 4,
        "useFreeDays" : 3
      },
      "weekStart" : "monday"
    }

    """#
}
