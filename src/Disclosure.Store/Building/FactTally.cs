using Disclosure.Store.Data;

namespace Disclosure.Store.Building;

/// <summary>
/// Counts what a store holds as its rows are written (either store's writer): facts, i.e. rows a source and a quote
/// stand behind, and their citations; sources, join rows and renames are neither.
/// </summary>
internal sealed class FactTally
{
    public int Facts { get; private set; }

    public int Citations { get; private set; }

    public void Count(object row)
    {
        switch (row)
        {
            case Citation:
                Citations++;
                break;
            case Source or Listing or TargetScope or Rename or ImportedDataset or DatasetFile or ImportReportEntry or AssessmentField
                or Identifier or Classification or OrganizationRecord:
                break;
            default:
                Facts++;
                break;
        }
    }
}
