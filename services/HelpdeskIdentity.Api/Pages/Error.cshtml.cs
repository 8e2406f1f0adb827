using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskIdentity.Api.Pages;

/// <summary>
/// What a person sees for a status code without a body on the page side (an expired form is the
/// common case: antiforgery answers 400). The status code itself is kept.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = PageText.ErrorTitle;

    public string Explanation { get; private set; } = PageText.ErrorGeneric;

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code) =>
        (Title, Explanation) = code switch
        {
            StatusCodes.Status400BadRequest => (PageText.ErrorTitle, PageText.ErrorBadRequest),
            StatusCodes.Status404NotFound => (PageText.NotFoundTitle, PageText.ErrorNotFound),
            StatusCodes.Status429TooManyRequests => (PageText.TooManyAttemptsTitle, PageText.ErrorTooManyAttempts),
            _ => (PageText.ErrorTitle, PageText.ErrorGeneric),
        };
}
