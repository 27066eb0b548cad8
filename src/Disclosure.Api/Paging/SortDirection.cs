using System.ComponentModel;

namespace Disclosure.Api.Paging;

[Description("The direction of a sort.")]
public enum SortDirection
{
    [Description("Ascending: smallest, earliest or A first.")] Asc,
    [Description("Descending: largest, latest or Z first.")] Desc,
}
