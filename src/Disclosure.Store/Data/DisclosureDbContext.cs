using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace Disclosure.Store.Data;

/// <summary>The store: built from <c>seed-data/</c> by the store builder, then served read-only.</summary>
public sealed class DisclosureDbContext(DbContextOptions<DisclosureDbContext> options) : DbContext(options)
{
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Listing> Listings => Set<Listing>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<Scope> Scopes => Set<Scope>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<TargetScope> TargetScopes => Set<TargetScope>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
    public DbSet<GovernanceBody> GovernanceBodies => Set<GovernanceBody>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Statement> Statements => Set<Statement>();
    public DbSet<Figure> Figures => Set<Figure>();
    public DbSet<Citation> Citations => Set<Citation>();
    public DbSet<DatasetInfo> DatasetInfo => Set<DatasetInfo>();
    public DbSet<ImportedDataset> ImportedDatasets => Set<ImportedDataset>();
    public DbSet<DatasetFile> DatasetFiles => Set<DatasetFile>();
    public DbSet<ImportReportEntry> ImportReport => Set<ImportReportEntry>();
    public DbSet<Identifier> Identifiers => Set<Identifier>();
    public DbSet<OrganizationRecord> OrganizationRecords => Set<OrganizationRecord>();
    public DbSet<Classification> Classifications => Set<Classification>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<AssessmentField> AssessmentFields => Set<AssessmentField>();
    public DbSet<Rename> Renames => Set<Rename>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: the store stays readable with any SQLite client, and a reordered enum
        // cannot silently change the meaning of a stored row.
        configurationBuilder.Properties<Enum>().HaveConversion<string>();
        if (Database.IsNpgsql())
        {
            // Strings compare by code point on PostgreSQL as on SQLite (BINARY): orderings, keyset cursors and
            // lower() (ASCII letters only under "C") behave the same on both stores, whatever the database's locale.
            configurationBuilder.Properties<string>().UseCollation("C");
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Source>(e => e.HasIndex(s => new { s.Kind, s.PublishedOn }));
        modelBuilder.Entity<Organization>(e =>
        {
            e.HasOne<Organization>().WithMany().HasForeignKey(o => o.ParentId);
            e.HasIndex(o => o.ParentId);
            e.HasIndex(o => new { o.Name, o.Id });
            e.HasIndex(o => new { o.Country, o.Name, o.Id });
        });
        modelBuilder.Entity<Listing>(e =>
        {
            e.HasKey(l => new { l.OrganizationId, l.Exchange });
            e.HasOne<Organization>().WithMany().HasForeignKey(l => l.OrganizationId);
        });
        modelBuilder.Entity<Report>(e =>
        {
            e.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId);
            e.HasIndex(r => new { r.OrganizationId, r.PublishedOn });
            e.HasIndex(r => new { r.PublishedOn, r.Id });
        });
        modelBuilder.Entity<Scope>(e =>
        {
            e.HasOne<Scope>().WithMany().HasForeignKey(s => s.ParentId);
            e.HasOne<Organization>().WithMany().HasForeignKey(s => s.DefinedById);
            e.HasIndex(s => s.Code).IsUnique();
            e.HasIndex(s => s.ParentId);
        });
        modelBuilder.Entity<Target>(e =>
        {
            e.HasOne<Organization>().WithMany().HasForeignKey(t => t.OrganizationId);
            e.HasIndex(t => new { t.OrganizationId, t.TargetYearSortKey, t.Id });
            e.HasIndex(t => new { t.TargetYearSortKey, t.Id });
            e.HasIndex(t => new { t.Kind, t.TargetYearSortKey });
            e.HasOne<ImportedDataset>().WithMany().HasForeignKey(t => t.DatasetId);
            e.HasIndex(t => new { t.DatasetId, t.TargetYearSortKey, t.Id });
            e.HasIndex(t => new { t.Verification, t.TargetYearSortKey, t.Id });
            e.HasIndex(t => new { t.Status, t.TargetYearSortKey, t.Id });
        });
        modelBuilder.Entity<TargetScope>(e =>
        {
            e.HasKey(ts => new { ts.TargetId, ts.ScopeId });
            e.HasOne<Target>().WithMany().HasForeignKey(ts => ts.TargetId);
            e.HasOne<Scope>().WithMany().HasForeignKey(ts => ts.ScopeId);
            e.HasIndex(ts => ts.ScopeId);
        });
        modelBuilder.Entity<Commitment>(e =>
        {
            e.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
            e.HasIndex(c => new { c.OrganizationId, c.Id });
        });
        modelBuilder.Entity<GovernanceBody>(e =>
        {
            e.HasOne<Organization>().WithMany().HasForeignKey(b => b.OrganizationId);
            e.HasIndex(b => new { b.OrganizationId, b.Tier });
        });
        modelBuilder.Entity<Person>(e => e.HasIndex(p => new { p.Name, p.Id }));
        modelBuilder.Entity<Membership>(e =>
        {
            e.HasOne<GovernanceBody>().WithMany().HasForeignKey(m => m.BodyId);
            e.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId);
            e.HasIndex(m => new { m.BodyId, m.Since });
            e.HasIndex(m => m.PersonId);
        });
        modelBuilder.Entity<Statement>(e =>
        {
            e.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId);
            e.HasOne<Person>().WithMany().HasForeignKey(s => s.SpeakerId);
            e.HasIndex(s => s.SpeakerId);
            e.HasIndex(s => new { s.SaidOn, s.Id });
            e.HasIndex(s => new { s.OrganizationId, s.SaidOn });
        });
        modelBuilder.Entity<Figure>(e =>
        {
            e.HasOne<Organization>().WithMany().HasForeignKey(f => f.OrganizationId);
            e.HasOne<Report>().WithMany().HasForeignKey(f => f.ReportId);
            e.HasOne<Target>().WithMany().HasForeignKey(f => f.TargetId);
            // Connections order figures by period (start, or a reporting year's 1 January), then id: one index per way of reaching them.
            e.HasIndex(f => new { f.PeriodSortKey, f.Id });
            e.HasIndex(f => new { f.OrganizationId, f.PeriodSortKey, f.Id });
            e.HasIndex(f => new { f.TargetId, f.PeriodSortKey, f.Id });
            e.HasIndex(f => new { f.ReportId, f.PeriodSortKey, f.Id });
            e.HasIndex(f => new { f.Metric, f.PeriodSortKey, f.Id });
            e.HasIndex(f => new { f.FiscalYear, f.Id });
            e.HasIndex(f => new { f.Year, f.Id });
            e.HasIndex(f => f.MeasureKey);
            e.HasOne<ImportedDataset>().WithMany().HasForeignKey(f => f.DatasetId);
            e.HasIndex(f => new { f.DatasetId, f.PeriodSortKey, f.Id });
            e.HasIndex(f => new { f.Verification, f.PeriodSortKey, f.Id });
        });
        modelBuilder.Entity<Citation>(e =>
        {
            e.HasKey(c => new { c.SubjectType, c.SubjectId, c.Ordinal });
            // The stable ID (what the change feed and the bulk files key citations by): unique within a build.
            e.HasIndex(c => c.Id).IsUnique();
            e.HasOne<Source>().WithMany().HasForeignKey(c => c.SourceId);
            e.HasIndex(c => new { c.SourceId, c.SubjectType, c.SubjectId, c.Ordinal });
            e.HasOne<ImportedDataset>().WithMany().HasForeignKey(c => c.DatasetId);
            e.HasIndex(c => new { c.DatasetId, c.Verification });
        });
        modelBuilder.Entity<ImportedDataset>(e => e.HasIndex(d => d.Ordinal));
        modelBuilder.Entity<DatasetFile>(e =>
        {
            e.HasKey(f => new { f.DatasetId, f.Name });
            e.HasOne<ImportedDataset>().WithMany().HasForeignKey(f => f.DatasetId);
        });
        modelBuilder.Entity<ImportReportEntry>(e =>
        {
            e.HasOne<ImportedDataset>().WithMany().HasForeignKey(r => r.DatasetId);
            e.HasIndex(r => new { r.DatasetId, r.Id });
            e.HasIndex(r => new { r.Reason, r.Id });
        });
        modelBuilder.Entity<Identifier>(e =>
        {
            e.HasKey(i => new { i.OrganizationId, i.Scheme, i.Value, i.DatasetId });
            e.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId);
            e.HasOne<ImportedDataset>().WithMany().HasForeignKey(i => i.DatasetId);
            e.HasIndex(i => new { i.Scheme, i.Value });
            e.HasIndex(i => i.Value);
        });
        modelBuilder.Entity<OrganizationRecord>(e =>
        {
            e.HasKey(r => new { r.DatasetId, r.RecordKey });
            e.HasOne<Organization>().WithMany().HasForeignKey(r => r.OrganizationId);
            e.HasOne<ImportedDataset>().WithMany().HasForeignKey(r => r.DatasetId);
            e.HasIndex(r => new { r.OrganizationId, r.DatasetId });
        });
        modelBuilder.Entity<Classification>(e =>
        {
            e.HasKey(c => new { c.OrganizationId, c.DatasetId, c.Scheme, c.Label });
            e.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
            e.HasOne<ImportedDataset>().WithMany().HasForeignKey(c => c.DatasetId);
            e.HasIndex(c => new { c.Label, c.OrganizationId });
        });
        modelBuilder.Entity<Assessment>(e =>
        {
            e.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId);
            e.HasOne<ImportedDataset>().WithMany().HasForeignKey(a => a.DatasetId);
            e.HasIndex(a => new { a.OrganizationId, a.AssessedOn });
            e.HasIndex(a => new { a.HasTarget, a.OrganizationId });
        });
        modelBuilder.Entity<AssessmentField>(e =>
        {
            e.HasKey(f => new { f.AssessmentId, f.Ordinal });
            e.HasOne<Assessment>().WithMany().HasForeignKey(f => f.AssessmentId);
        });
        modelBuilder.Entity<DatasetInfo>(e => e.Property(d => d.Id).ValueGeneratedNever());
        modelBuilder.Entity<Rename>(e => e.HasKey(r => new { r.Type, r.OldId }));

        // (key, id) > (k, i) and (key, id) < (k, i) as SQL row values, for keyset paging.
        foreach (var method in typeof(KeysetFunctions).GetMethods(BindingFlags.Public | BindingFlags.Static))
        {
            var comparison = method.Name == nameof(KeysetFunctions.After) ? ExpressionType.GreaterThan : ExpressionType.LessThan;
            modelBuilder.HasDbFunction(method).HasTranslation(args => new SqlBinaryExpression(comparison,
                new RowValueExpression([args[0], args[1]]), new RowValueExpression([args[2], args[3]]), typeof(bool), null));
        }
    }
}
