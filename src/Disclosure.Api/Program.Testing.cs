// WebApplicationFactory<Program> needs a public Program type to find the entry point.
public partial class Program;
