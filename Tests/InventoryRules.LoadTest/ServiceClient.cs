using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace InventoryRules.LoadTest;

/// <summary>
/// The one HttpClient every load client shares. A shared SocketsHttpHandler keeps one pooled keep-alive
/// connection per client, so the run measures requests rather than TCP handshakes.
/// </summary>
sealed class ServiceClient : IDisposable
{
    static readonly MediaTypeHeaderValue Json = new("application/json");

    readonly HttpClient http;

    public ServiceClient(Uri baseAddress, string apiKey, int clients)
    {
        var handler = new SocketsHttpHandler
        {
            // One connection per client: a client has one request in flight at a time.
            MaxConnectionsPerServer = clients,
            // Long-lived connections: recycling them mid-run would show up as latency spikes.
            PooledConnectionLifetime = TimeSpan.FromHours(1),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
            // Loopback only: an HTTP_PROXY in the environment must not reroute the load.
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
        };
        http = new HttpClient(handler)
        {
            BaseAddress = baseAddress,
            // Well under the run's 30 s slack, so a stuck request is counted as a timeout, not a hang.
            Timeout = TimeSpan.FromSeconds(20),
        };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
    }

    public Uri BaseAddress => http.BaseAddress!;

    /// <summary>
    /// POSTs a JSON body (or none) and returns once the whole answer is read, so the time around this
    /// call is the client-seen latency including the body.
    /// </summary>
    public Task<HttpResponseMessage> PostAsync(string path, byte[]? body, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = Json;
        }
        return http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
    }

    /// <summary>GETs and reads JSON; anything but 2xx is an error naming the status and the start of the body.</summary>
    public async Task<T> GetJsonAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            throw new ServiceException($"GET {path} answered {(int)response.StatusCode} {response.ReasonPhrase}: {Excerpt(text)}");
        }
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        try
        {
            return await JsonSerializer.DeserializeAsync(stream, type, ct)
                ?? throw new ServiceException($"GET {path} answered null");
        }
        catch (JsonException e)
        {
            throw new ServiceException($"GET {path}: unexpected JSON ({e.Message})");
        }
    }

    static string Excerpt(string text) => text.Length <= 300 ? text : text[..300] + "...";

    public void Dispose() => http.Dispose();
}

/// <summary>The service could not be read the way the tool needs (setup, not load): the run cannot start.</summary>
sealed class ServiceException(string message) : Exception(message);
