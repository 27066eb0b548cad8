namespace Disclosure.Store.Importing.Klimatkollen;

/// <summary>One company of Klimatkollen's <c>companies_2024-10-09.json</c>, as recorded.</summary>
public sealed record KlimatkollenCompany
{
    public required RecordLocation At { get; init; }
    /// <summary><c>companyName</c>.</summary>
    public required string Name { get; init; }
    /// <summary><c>wikidataId</c> (e.g. <c>Q10397786</c>), when given.</summary>
    public string? WikidataId { get; init; }
    /// <summary><c>url</c>: the company's report the figures were read from.</summary>
    public string? ReportUrl { get; init; }
    /// <summary><c>baseYear</c> as recorded.</summary>
    public int? BaseYear { get; init; }
    /// <summary><c>description</c> (Swedish: language tag <c>sv</c>).</summary>
    public string? Description { get; init; }
    /// <summary>GICS labels as recorded (Swedish): sector, group, industry, sub-industry names; empty when none.</summary>
    public required IReadOnlyList<RecordedLabel> Industry { get; init; }
    /// <summary>The years keyed in <c>emissions</c> (a company-year), whether or not any figure of that year is disclosed.</summary>
    public IReadOnlyList<int> Years { get; init; } = [];
    public required IReadOnlyList<KlimatkollenFigure> Figures { get; init; }
    public required IReadOnlyList<KlimatkollenGoal> Goals { get; init; }
}

/// <summary>A classification label as a dataset names it, e.g. ("GICS sector", "Finans och fastighet").</summary>
public sealed record RecordedLabel(string Scheme, string Label, string? Code);

/// <summary>What a Klimatkollen figure measures.</summary>
public enum KlimatkollenMetric
{
    Scope1,
    /// <summary><c>scope2.mb</c>.</summary>
    Scope2MarketBased,
    /// <summary><c>scope2.lb</c>.</summary>
    Scope2LocationBased,
    /// <summary><c>scope2.emissions</c>, used only where <c>mb</c> and <c>lb</c> are both empty: basis not stated.</summary>
    Scope2NotStated,
    Scope3,
    /// <summary>One Scope 3 category (<see cref="KlimatkollenFigure.Category"/> 1-15, or 16 "other" as Klimatkollen records it).</summary>
    Scope3Category,
}

/// <summary>One reported emission value of a company-year.</summary>
public sealed record KlimatkollenFigure
{
    public required RecordLocation At { get; init; }
    /// <summary>The reporting year as the dataset keys it (e.g. 2023); whether it is a calendar or fiscal year is not recorded.</summary>
    public required int Year { get; init; }
    public required KlimatkollenMetric Metric { get; init; }
    /// <summary>For <see cref="KlimatkollenMetric.Scope3Category"/>: the category number; else null.</summary>
    public int? Category { get; init; }
    /// <summary>The category key as recorded, e.g. <c>6_businessTravel</c>.</summary>
    public string? CategoryKey { get; init; }
    /// <summary>The value as written in the file (JSON number text, or the CSV cell for facit).</summary>
    public required string Published { get; init; }
    public required decimal Value { get; init; }
    /// <summary>The unit as recorded (<c>tCO2e</c>), or null when the file gives none.</summary>
    public string? Unit { get; init; }
    /// <summary>The <c>verified</c> URL (a Wikidata statement), when given.</summary>
    public string? VerifiedUrl { get; init; }
}

/// <summary>A goal (target) as recorded: Swedish free text, with year, target number and base year when given.</summary>
public sealed record KlimatkollenGoal
{
    public required RecordLocation At { get; init; }
    public required string Description { get; init; }
    public int? Year { get; init; }
    public decimal? Target { get; init; }
    public int? BaseYear { get; init; }
}

/// <summary>One row of <c>facit.csv</c>: Klimatkollen's hand-checked 2023 figures of a company.</summary>
public sealed record KlimatkollenFacitRow
{
    public required RecordLocation At { get; init; }
    public required string Name { get; init; }
    public string? WikidataId { get; init; }
    public string? ReportUrl { get; init; }
    /// <summary>The checked 2023 values (Scope 1, Scope 2 mb and lb, Scope 3 and categories), with <see cref="KlimatkollenFigure.Year"/> 2023.</summary>
    public required IReadOnlyList<KlimatkollenFigure> Figures { get; init; }
}

/// <summary>One pair of <c>klimatkollen-company-wikidata.json</c>.</summary>
public sealed record KlimatkollenWikidataName(RecordLocation At, string Name, string WikidataId, IReadOnlyList<string> Tags);
