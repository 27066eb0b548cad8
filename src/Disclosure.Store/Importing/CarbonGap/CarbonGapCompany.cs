namespace Disclosure.Store.Importing.CarbonGap;

/// <summary>One company row of Carbon Gap's "Profit and emission database", as recorded (disclosed emissions only).</summary>
public sealed record CarbonGapCompany
{
    public required RecordLocation At { get; init; }
    /// <summary>"2021 Global Rank Forbes 2000".</summary>
    public required int ForbesRank { get; init; }
    public required string Name { get; init; }
    /// <summary>"Industry" as recorded (Forbes' label).</summary>
    public required string Industry { get; init; }
    /// <summary>"Country/Territory" as recorded, e.g. "United States".</summary>
    public required string CountryName { get; init; }
    /// <summary>ISO 3166-1 alpha-3, mapped from <see cref="CountryName"/> through our own table (an unknown name is a rejection).</summary>
    public required string Country { get; init; }
    /// <summary>The datasource cell as written, e.g. "Environmental Progress Report - Apple, page 67 https://...".</summary>
    public string? Datasource { get; init; }
    /// <summary>The datasource cell taken apart; null when the cell is empty.</summary>
    public CarbonGapSource? Source { get; init; }
    /// <summary>The disclosed Scope 1, 2 and 3 figures of both year groups (cells "--" and "-" are not disclosed: no figure).</summary>
    public required IReadOnlyList<CarbonGapFigure> Figures { get; init; }
}

/// <summary>The report, page and URL a datasource cell names.</summary>
public sealed record CarbonGapSource
{
    /// <summary>The report's name as the cell gives it (the text before the page or URL); null when the cell gives none.</summary>
    public string? ReportName { get; init; }
    /// <summary>The page(s) as the cell gives them, e.g. "67" or "32-33"; null when none.</summary>
    public string? Page { get; init; }
    /// <summary>The first http(s) URL in the cell; null when none.</summary>
    public string? Url { get; init; }
    /// <summary>True when the cell is the author's local <c>file:///</c> path: no public source.</summary>
    public required bool IsLocalFile { get; init; }
}

/// <summary>One disclosed emission cell.</summary>
public sealed record CarbonGapFigure
{
    public required RecordLocation At { get; init; }
    /// <summary>The year group: 2019 or 2020.</summary>
    public required int Year { get; init; }
    /// <summary>1, 2 or 3.</summary>
    public required int Scope { get; init; }
    /// <summary>The cell as written.</summary>
    public required string Published { get; init; }
    /// <summary>Tonnes CO2e.</summary>
    public required long Value { get; init; }
    /// <summary>The column's header as written (the 2020 Scope 2 header says "location based when available").</summary>
    public required string Header { get; init; }
    /// <summary>For Scope 2: "location-based where available" (2020) or not stated (2019); null for Scopes 1 and 3.</summary>
    public Scope2Basis? Scope2Basis { get; init; }
}

/// <summary>How a Scope 2 figure was accounted, as the dataset says.</summary>
public enum Scope2Basis
{
    MarketBased,
    LocationBased,
    LocationBasedWhereAvailable,
    NotStated,
}
