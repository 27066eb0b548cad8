using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Disclosure.Store.Building;

/// <summary>
/// One store table as the EF model maps it, for the bulk writers (<see cref="StoreWriter"/>, <see cref="PostgresStoreWriter"/>):
/// its delimited name, its columns in property order, and a row's values as the database stores them (the model's
/// value converters applied, e.g. enums by name), so the mapping is defined in the model alone.
/// </summary>
internal sealed class StoreTable
{
    private readonly IClrPropertyGetter[] _getters;
    private readonly ValueConverter?[] _converters;

    public StoreTable(IEntityType entity, ISqlGenerationHelper sql)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        Properties = entity.GetProperties().ToArray();
        Name = sql.DelimitIdentifier(table.Name, table.Schema);
        Columns = string.Join(", ", Properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        _getters = [.. Properties.Select(p => p.GetGetter())];
        _converters = [.. Properties.Select(p => p.GetTypeMapping().Converter)];
    }

    /// <summary>The mapped properties, one per column, in the order of <see cref="Columns"/>.</summary>
    public IReadOnlyList<IProperty> Properties { get; }

    /// <summary>The table's name, delimited for SQL.</summary>
    public string Name { get; }

    /// <summary>The column list, delimited and comma-separated, for an INSERT or a COPY.</summary>
    public string Columns { get; }

    /// <summary>The value of column <paramref name="column"/> of <paramref name="row"/> as the database stores it (null for NULL).</summary>
    public object? Value(object row, int column)
    {
        var value = _getters[column].GetClrValue(row);
        return value is not null && _converters[column] is { } converter ? converter.ConvertToProvider(value) : value;
    }
}
