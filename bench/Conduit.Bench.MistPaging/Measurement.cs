/// <summary>One timed GetAll: wall time, and the CPU each process spent per page (server: null when not ours).</summary>
internal readonly record struct Measurement(double WallMs, double ClientCpuPerPage, double? ServerCpuPerPage);
