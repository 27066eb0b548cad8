using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Disclosure.Store.Data;

// The controlled vocabularies of the dataset. Their names are the seed files' values (UPPER_SNAKE_CASE) and
// the GraphQL enum values; the descriptions are what a journalist reads in the playground's docs.

[Description("The kind of document a fact is cited from.")]
public enum SourceKind
{
    [Description("A press release published by the organization.")] PressRelease,
    [Description("An ESG, CSR or climate report published by the organization.")] EsgReport,
    [Description("News coverage of a disclosure by a third-party outlet.")] NewsCoverage,
    [Description("A third-party analysis, blog post or ranking write-up.")] Analysis,
    [Description("A page of the organization's own website.")] CompanyWebsite,
    [Description("A reporting standard or the text that defines one.")] Standard,
    [Description("A publisher's record in an open dataset, cited where the dataset names no document (the row is in the citation).")] DatasetRecord,
    [Description("A document an open dataset names as its source (a report or page); its title and publisher are as far as the dataset records them.")] DatasetCitedDocument,
}

[Description("How an organization stands in its group.")]
public enum OrganizationKind
{
    [Description("A listed group holding company.")] Group,
    [Description("A business unit of a group, reporting inside the group's disclosure.")] BusinessUnit,
    [Description("A subsidiary company of a group.")] Subsidiary,
    [Description("A company from an open dataset; how it stands in a group is not recorded.")] Company,
}

[Description("The kind of disclosure report.")]
public enum ReportKind
{
    [Description("A report setting out carbon-neutrality goals and the plan to reach them.")] CarbonNeutralityActionReport,
    [Description("A corporate social responsibility report.")] CsrReport,
    [Description("An environmental, social and governance report.")] EsgReport,
}

[Description("Who defines an emission scope.")]
public enum ScopeFramework
{
    [Description("Defined by the Greenhouse Gas Protocol's corporate and value-chain standards.")] GhgProtocol,
    [Description("Defined by the reporting company itself; not a GHG Protocol scope.")] CompanyDefined,
}

[Description("Whether a scope entry is a whole scope or a category within one.")]
public enum ScopeKind
{
    [Description("A whole emission scope (e.g. Scope 1).")] Scope,
    [Description("A category within a scope (e.g. Scope 3 category 6, business travel).")] Category,
}

[Description("How a scope entry relates to its parent entry.")]
public enum ScopeRelation
{
    [Description("The entry is one of the categories of the parent scope.")] CategoryOf,
    [Description("The entry reaches beyond the boundary of the parent scope (company-defined extension).")] Extends,
}

[Description("Where in the value chain a Scope 3 category lies.")]
public enum ValueChainDirection
{
    [Description("Upstream: purchased goods and services and other activities before the company's operations (categories 1-8).")] Upstream,
    [Description("Downstream: sold products and other activities after the company's operations (categories 9-15).")] Downstream,
}

[Description("What a target aims at.")]
public enum TargetKind
{
    [Description("Net-zero emissions (carbon neutrality) in the scopes covered by the target year.")] CarbonNeutrality,
    [Description("A reduction of emissions per unit of activity (e.g. per unit of revenue) against a baseline.")] IntensityReduction,
    [Description("A reduction of absolute emissions against a baseline.")] AbsoluteReduction,
    [Description("Emission reductions facilitated in the company's wider ecosystem (customers, merchants, partners), outside its own inventory.")] EcosystemDecarbonization,
    [Description("Net-zero emissions by the target year (a dataset's category \"Net zero\").")] NetZero,
    [Description("Climate neutrality by the target year (a dataset's category \"Climate neutral\").")] ClimateNeutrality,
    [Description("A reduction of emissions, without saying whether absolute or per unit of activity.")] EmissionsReduction,
    [Description("Zero emissions by the target year.")] ZeroEmissions,
    [Description("Zero carbon by the target year.")] ZeroCarbon,
    [Description("Removing more carbon than emitted by the target year.")] CarbonNegative,
    [Description("Removing more greenhouse gases than emitted by the target year (a dataset's category \"Climate positive\").")] ClimatePositive,
    [Description("Greenhouse-gas neutrality by the target year (a dataset's category \"GHG neutral(ity)\").")] GhgNeutrality,
    [Description("A target the dataset records as science-based, without a further category.")] ScienceBased,
    [Description("A target the dataset records as aligned with a temperature goal (e.g. 1.5°C).")] TemperatureAligned,
    [Description("A target the dataset records in its category \"Other\": read its text.")] Other,
    [Description("A goal the dataset records without a category (free text): read its text.")] NotClassified,
}

[Description("Where a target stands.")]
public enum TargetStatus
{
    [Description("Announced and not withdrawn; the target year has not passed.")] Active,
    [Description("Reported as achieved.")] Achieved,
    [Description("The target year passed without the target being reported as achieved.")] Missed,
    [Description("Withdrawn or replaced by the organization.")] Withdrawn,
    [Description("No source we hold states where the target stands (active, achieved, missed or withdrawn); the dataset does not guess.")] NotStated,
}

[Description("The kind of commitment or principle.")]
public enum CommitmentKind
{
    [Description("Joining (or committing to join) an initiative or membership organization.")] InitiativeMembership,
    [Description("Aligning strategy with a pledge or an international goal.")] Alignment,
    [Description("A principle the organization applies to its decarbonization.")] Principle,
    [Description("A pledge about reporting and assurance.")] Reporting,
}

[Description("The level at which a governance body works.")]
public enum GovernanceLevel
{
    [Description("Board of directors level.")] Board,
    [Description("Management level: strategy, goal setting and management.")] Management,
    [Description("Working level: coordination and execution across business units.")] Working,
}

[Description("A person's role in a governance body.")]
public enum MembershipRole
{
    [Description("Chairs the body.")] Chair,
    [Description("A member of the body.")] Member,
}

[Description("What a figure measures: a small controlled vocabulary.")]
public enum Metric
{
    [Description("Scope 1 (direct) greenhouse-gas emissions.")] Scope1Emissions,
    [Description("Scope 2 (purchased energy) greenhouse-gas emissions.")] Scope2Emissions,
    [Description("Scope 3 (value chain) greenhouse-gas emissions.")] Scope3Emissions,
    [Description("Total greenhouse-gas emissions, Scopes 1, 2 and 3.")] TotalEmissions,
    [Description("Net Scope 1 and 2 emissions of the company's own operations (after deductions such as green-power purchases).")] NetScope12Emissions,
    [Description("Change of net Scope 1 and 2 emissions against the previous period.")] NetScope12EmissionsChange,
    [Description("Emission reductions achieved in the company's own operations in the period.")] EmissionReductions,
    [Description("Change of the own-operations emission reductions against the previous period.")] EmissionReductionsChange,
    [Description("Emissions avoided by changing the energy mix towards clean energy.")] EmissionsAvoidedByEnergyMix,
    [Description("Change of Scope 3 (value chain) carbon intensity against the previous period.")] Scope3IntensityChange,
    [Description("Decarbonization facilitated in the ecosystem under the company-defined Scope 3+.")] Scope3PlusDecarbonization,
    [Description("Change of Scope 3+ decarbonization against the previous period.")] Scope3PlusDecarbonizationChange,
    [Description("Share of electricity from clean sources.")] CleanElectricityShare,
    [Description("Change of the clean-electricity share.")] CleanElectricityShareChange,
    [Description("Change of clean-electricity consumption.")] CleanElectricityConsumptionChange,
    [Description("Renewable energy consumed.")] RenewableEnergyConsumption,
    [Description("Change of renewable energy consumed.")] RenewableEnergyConsumptionChange,
    [Description("Renewable energy purchased.")] RenewableEnergyPurchased,
    [Description("Clean energy purchased.")] CleanEnergyPurchased,
    [Description("Green power bought through green-electricity trading.")] GreenPowerTraded,
    [Description("Renewable-energy ratio as computed by a third party (definition may differ from the company's).")] RenewableEnergyRatio,
    [Description("Power usage effectiveness of data centres (total facility energy / IT energy; lower is better).")] PowerUsageEffectiveness,
    [Description("Solar generation capacity installed.")] SolarCapacityInstalled,
    [Description("Packaging material saved.")] PackagingMaterialReduced,
    [Description("Share of independent directors on the board.")] IndependentDirectorShare,
    [Description("Share of female directors on the board.")] FemaleDirectorShare,
    [Description("A rank in a third-party ranking.")] Ranking,
    [Description("A score in a third-party rating.")] Score,
    [Description("Whether data is disclosed, as a third party assessed it.")] DisclosureStatus,
    [Description("Scope 3 emissions of one category (the figure's `category`).")] Scope3CategoryEmissions,
    [Description("Scope 1 and 2 emissions of the company's own operations, as published, where the source does not say whether they are gross or net (see `basis`). A figure the source calls net is NET_SCOPE_1_2_EMISSIONS.")] Scope12Emissions,
    [Description("Change of Scope 1 and 2 emissions of the company's own operations against the previous period, where the source does not say whether they are gross or net.")] Scope12EmissionsChange,
}

[Description("How a figure's period is defined.")]
public enum PeriodKind
{
    [Description("Alibaba's fiscal year: FYn runs from 1 April n-1 to 31 March n.")] FiscalYear,
    [Description("A calendar year, 1 January to 31 December. Not a fiscal year.")] CalendarYear,
    [Description("Another stretch of time, given by its start and end dates.")] Range,
    [Description("A single date: the figure holds as of that day.")] AsOf,
    [Description("A year as a dataset labels it, the company's reporting year: the dataset does not say whether it is a calendar or a fiscal year, so the period has no dates.")] ReportingYear,
}

[Description("How exactly a figure was published.")]
public enum ValueQualifier
{
    [Description("Published as an exact figure.")] Exact,
    [Description("Published as an approximation (\"approx.\", \"约\").")] Approximate,
    [Description("Published as a lower bound (\"more than\").")] MoreThan,
}

[Description("The unit a figure or target quantity was published in.")]
public enum Unit
{
    [Description("Tonnes of CO2 equivalent."), JsonStringEnumMemberName("TCO2E")] Tco2e,
    [Description("万吨 CO2e: ten thousand tonnes of CO2 equivalent."), JsonStringEnumMemberName("WAN_TCO2E")] WanTco2e,
    [Description("Million tonnes of CO2 equivalent."), JsonStringEnumMemberName("MTCO2E")] Mtco2e,
    [Description("Gigatonnes (billion tonnes) of CO2 equivalent."), JsonStringEnumMemberName("GTCO2E")] Gtco2e,
    [Description("Kilowatt-hours.")] Kwh,
    [Description("Million kilowatt-hours.")] MillionKwh,
    [Description("亿 kWh (亿度, 亿千瓦时): one hundred million kilowatt-hours.")] YiKwh,
    [Description("Billion kilowatt-hours.")] BillionKwh,
    [Description("Percent.")] Percent,
    [Description("Percentage points.")] PercentagePoints,
    [Description("A dimensionless ratio.")] Ratio,
    [Description("Megawatts of capacity.")] Mw,
    [Description("Tonnes (mass, not an emission).")] Tonnes,
    [Description("A position in a ranking (1 = first).")] Rank,
    [Description("Points in a rating.")] Score,
    [Description("No number: the figure is a statement (e.g. a direction or a status).")] Text,
}

[Description("The direction of a change figure.")]
public enum ChangeDirection
{
    [Description("The measure went up.")] Increase,
    [Description("The measure went down.")] Decrease,
}

[Description("Whether an emission figure is gross or net of deductions.")]
public enum EmissionBasis
{
    [Description("Gross emissions, as inventoried.")] Gross,
    [Description("Net emissions, after deductions such as green-power purchases.")] Net,
    [Description("The source does not say whether the figure is gross or net.")] NotStated,
    [Description("Not an emission figure.")] NotApplicable,
}

[Description("How far a figure can be trusted, as rated by the research behind the dataset.")]
public enum Confidence
{
    [Description("A reputable outlet quotes the report with the exact number, and at least one independent source agrees.")] High,
    [Description("A single secondary source, a syndicated copy, or a minor outlet.")] Medium,
    [Description("A third-party blog or analysis, an ambiguous metric definition, or a truncated excerpt.")] Low,
}

[Description("How far we checked a fact against what it rests on.")]
public enum Verification
{
    [Description("The quote was checked verbatim against the full text of the source, which the dataset holds.")] CheckedVerbatim,
    [Description("Quoted from our research notes: we hold the notes with their source addresses, not the source's pages.")] ResearchNotes,
    [Description("A quote as the dataset recorded it (e.g. Net Zero Tracker's transcription with page numbers): we hold no copy of the document to check it.")] QuotedAsRecorded,
    [Description("A value as the dataset recorded it, with no passage: `recorded` shows what the dataset says.")] ValueAsRecorded,
    [Description("A value from the dataset publisher's own hand-checked file (Klimatkollen's facit).")] CheckedByPublisher,
    [Description("Derived by us from other facts (see its inputs).")] Derived,
}

[Description("Whether a dataset is a publisher's open dataset or our own curation.")]
public enum DatasetKind
{
    [Description("Our own curation of documents we cite (the seed files).")] Curated,
    [Description("A publisher's open dataset, imported as published.")] Imported,
}

[Description("A kind of identifier of an organization.")]
public enum IdentifierScheme
{
    [Description("International Securities Identification Number (ISO 6166).")] Isin,
    [Description("Legal Entity Identifier (ISO 17442).")] Lei,
    [Description("Wikidata item id (e.g. `Q52825`).")] WikidataQid,
    [Description("Net Zero Tracker's own id (e.g. `COM-0478`).")] NetZeroTrackerId,
    [Description("A stock-exchange ticker symbol or stock code, from the organization's listings (e.g. `BABA`, `9988`).")] Ticker,
}

[Description("How a dataset's record was linked to an organization.")]
public enum LinkMethod
{
    [Description("The organization was made from this record.")] Origin,
    [Description("The record's normalised name equals the organization's (case, punctuation and legal suffixes such as Inc, AG, AB, plc, Ltd, SA, Group ignored).")] NormalizedName,
    [Description("The same Wikidata id.")] WikidataQid,
    [Description("A documented manual link in our overrides file.")] ManualOverride,
}

[Description("How a Scope 2 figure was accounted, as the dataset says.")]
public enum Scope2Method
{
    [Description("Market-based (contracts and certificates count).")] MarketBased,
    [Description("Location-based (grid averages).")] LocationBased,
    [Description("Location-based where the company gave it, else as the company reported (Carbon Gap's 2020 column).")] LocationBasedWhereAvailable,
    [Description("The dataset does not say.")] NotStated,
}

[Description("Whether a target is a company's end target or an interim one, as a dataset records it.")]
public enum TargetRole
{
    [Description("The end (long-term) target.")] End,
    [Description("An interim target on the way.")] Interim,
}

[Description("What an entry of a dataset's import report says.")]
public enum ImportReportKind
{
    [Description("A row, or one value of a row, was not imported: it could not be mapped honestly (the reason says why).")] Rejected,
    [Description("A record's name matches more than one organization, so it was not merged with any.")] NotMerged,
    [Description("An identifier is held by organizations whose names do not agree: it is served with a warning and never used to merge or to look up.")] IdentifierConflict,
    [Description("A publisher cell was corrected by our documented override (seed-data/overrides/corrections.json): the reason gives the old value, ours and why.")] Corrected,
}
