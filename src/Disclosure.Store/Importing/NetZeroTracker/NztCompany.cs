namespace Disclosure.Store.Importing.NetZeroTracker;

/// <summary>One company row of the Net Zero Tracker snapshot (actor_type = Company), as recorded.</summary>
public sealed record NztCompany
{
    public required RecordLocation At { get; init; }
    /// <summary><c>id_code</c>, e.g. <c>COM-0478</c>: the tracker's own id, stable across its snapshots.</summary>
    public required string IdCode { get; init; }
    public required string Name { get; init; }
    /// <summary><c>country</c>: ISO 3166-1 alpha-3 as recorded (checked to be three capital letters).</summary>
    public string? Country { get; init; }
    /// <summary><c>isin_id</c> as recorded (a claim: 44 ISINs sit on two companies).</summary>
    public string? Isin { get; init; }
    public string? Industry { get; init; }
    public string? Sector { get; init; }
    /// <summary><c>last_updated</c> as written, e.g. <c>2022-08-17 13:17:56</c>.</summary>
    public string? LastUpdated { get; init; }
    /// <summary><c>source_url</c>: the company document the record rests on (1,347 companies); null: the tracker's record is the source.</summary>
    public string? SourceUrl { get; init; }
    /// <summary>The end target; null when <c>end_target</c> is empty. "No target" is a target record with that category.</summary>
    public NztTarget? EndTarget { get; init; }
    /// <summary>The interim target; null when <c>interim_target</c> is empty.</summary>
    public NztTarget? InterimTarget { get; init; }
    /// <summary><c>end_target_status</c> as recorded (per company, e.g. "In corporate strategy").</summary>
    public string? Status { get; init; }
    /// <summary><c>status_date</c>: a bare year.</summary>
    public int? StatusYear { get; init; }
    /// <summary>
    /// The company's assessment columns other than the above, in sheet order, non-empty only, each as written
    /// (race_to_zero_member, gasses_coverage, scope_1, scope_2, scope_3, coverage_notes, target_notes, has_plan,
    /// plan_options, reporting_mechanism, ..., higher_net_zero).
    /// </summary>
    public required IReadOnlyList<RecordedField> Assessment { get; init; }
}

/// <summary>One cell as the publisher recorded it: the column's header and the cell's text.</summary>
public sealed record RecordedField(string Column, string Value);

/// <summary>An end or interim target of a company, as recorded.</summary>
public sealed record NztTarget
{
    public required RecordLocation At { get; init; }
    /// <summary>True for the end target, false for the interim target.</summary>
    public required bool IsEndTarget { get; init; }
    /// <summary><c>end_target</c> / <c>interim_target</c> as recorded: "Net zero", "Carbon neutral(ity)", "Emissions reduction target", "No target", ...</summary>
    public required string Category { get; init; }
    public decimal? PercentageReduction { get; init; }
    /// <summary>The percentage cell as written, when there is one.</summary>
    public string? PercentageReductionRecorded { get; init; }
    public int? BaselineYear { get; init; }
    public int? TargetYear { get; init; }
    public string? IntensityUnit { get; init; }
    public string? BaselineEmissions { get; init; }
    public string? TargetEmissions { get; init; }
    public string? BauEmissions { get; init; }
    public string? Other { get; init; }
    /// <summary><c>end_target_text</c> / <c>interim_target_text</c> as recorded.</summary>
    public string? Text { get; init; }
    public required NztTextKind TextKind { get; init; }
    /// <summary>The page numbers the text cites, e.g. <c>(p9)</c> -> "9"; empty when it cites none.</summary>
    public required IReadOnlyList<string> Pages { get; init; }
    /// <summary>
    /// The scopes this target covers, only where the company's notes say which target covers what (e.g.
    /// "Scope: end target covers 1+2; interim target covers 3"); null when the notes do not say.
    /// </summary>
    public IReadOnlyList<int>? Scopes { get; init; }
}

/// <summary>What kind of text the tracker recorded for a target.</summary>
public enum NztTextKind
{
    /// <summary>A quotation in quote marks followed by a page number, e.g. <c>'...' (p9)</c>.</summary>
    QuotedWithPage,
    /// <summary>A quotation in quote marks without a page number.</summary>
    Quoted,
    /// <summary>A reference to the other target's text ("see above", "See end target").</summary>
    SeeOther,
    /// <summary>The tracker's own summary or paraphrase.</summary>
    Summary,
    /// <summary>No text recorded.</summary>
    None,
}
