using System.ComponentModel;

namespace Disclosure.Api.Targets;

[Description("How a target's progress was assessed from the reported figures.")]
public enum ProgressMethod
{
    [Description("The yearly figures reported against an amount target, added up and set against the target amount. No source states a cumulative figure; the inputs are listed.")]
    SumOfReportedYears,
    [Description("The latest reported net emissions still to be brought to zero for a neutrality target. No percentage is given: no baseline on the same basis was disclosed.")]
    LatestRemaining,
    [Description("The published figures do not allow an honest assessment; the explanation says what is missing.")]
    NotAssessable,
}
