using Disclosure.Api.GraphQL;
using Disclosure.Api.Paging;
using Disclosure.Store.Data;
using GraphQL.Types;

namespace Disclosure.Api.Provenance;

public sealed class ImportedDatasetGraphType : NodeGraphType<ImportedDataset>
{
    public ImportedDatasetGraphType() : base(d => d.Id, cited: false)
    {
        Description = "A dataset facts came through: a publisher's open dataset imported as published, or Disclosure's own curation. Not the store's version (`dataset`) and not a cited document (`Source`).";
        Field(d => d.Kind).Description("A publisher's open dataset, or our curation.");
        Field(d => d.Title).Description("The dataset's title.");
        Field(d => d.Publisher).Description("Who publishes it.");
        Field(d => d.Url, nullable: true).Description("Where the publisher publishes it; null for our curation.");
        Field(d => d.RetrievedFrom, nullable: true).Description("Where our copy of the files was taken from (repository, path, commit), when not straight from the publisher.");
        Field(d => d.Licence, nullable: true).Description("The licence the publisher grants (e.g. `CC BY 4.0`); imported facts keep it. Null for our curation, whose quotes remain their publishers' words.");
        Field(d => d.LicenceUrl, nullable: true).Description("The licence's text.");
        Field(d => d.Attribution).Description("The credit the licence asks for, as we give it: quote it when you reuse facts of this dataset.");
        Field(d => d.SnapshotDate, nullable: true).Description("The publisher's snapshot date, when the dataset is a dated snapshot.");
        Field(d => d.AccessedOn, nullable: true).Description("When we took the files, when no snapshot date says it.");
        Field(d => d.Checks).Description("What we checked of the dataset, and what we only took as recorded.");
        Field(d => d.RowsRead, nullable: true).Description("Data rows read from the publisher's files (header rows excluded); null for our curation.");
        Field(d => d.RowsImported, nullable: true).Description("Records that became facts or identifiers; null for our curation.");
        Field(d => d.RowsRejected, nullable: true).Description("Rows, or single values of a row, not imported, each with its reason in `report`; null for our curation.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DatasetFileGraphType>>>>("files")
            .Description("The publisher files the store was built from, with the SHA-256 each was checked against.")
            .Resolve(ctx => ctx.LoadDatasetFiles(ctx.Source.Id));
        this.ChildConnection<ImportedDataset, ImportReportEntryGraphType, ImportReportEntry>("report",
            "The import report: rows or values rejected (with file, row, column and reason), names not merged, identifiers in conflict; by reason unless `order` says otherwise.",
            d => d.Id, r => r.DatasetId);
    }
}
