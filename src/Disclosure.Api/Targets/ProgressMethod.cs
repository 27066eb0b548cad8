using System.ComponentModel;

namespace Disclosure.Api.Targets;

[Description("How a target's progress was assessed from the reported figures.")]
public enum ProgressMethod
{
    [Description("The yearly figures reported against an amount target, added up and set against the target amount, with and without the inputs rated LOW confidence. Adding them up assumes the target is cumulative, which no source states (see `assumption`); only figures of one metric whose periods do not overlap are added. The inputs are listed.")]
    SumOfReportedYears,
    [Description("The latest reported Scope 1+2 emissions of own operations still to be brought to zero for a neutrality target, with their basis (net, or not stated) as the source gives it. No percentage is given: no baseline on the same basis was disclosed.")]
    LatestRemaining,
    [Description("The published figures do not allow an honest assessment; the explanation says what is missing.")]
    NotAssessable,
}
