using System.ComponentModel.DataAnnotations;
using HelpdeskIdentity.Api.Accounts.SignInCodes;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>The code form: the address the code was sent to, and the code.</summary>
public sealed class SignInCodeInput
{
    [Required(ErrorMessageResourceType = typeof(PageText), ErrorMessageResourceName = nameof(PageText.EmailRequired))]
    [StringLength(254, ErrorMessageResourceType = typeof(PageText), ErrorMessageResourceName = nameof(PageText.EmailTooLong))]
    public string Email { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(SignInCodeText), ErrorMessageResourceName = nameof(SignInCodeText.CodeRequired))]
    [StringLength(20, ErrorMessageResourceType = typeof(SignInCodeText), ErrorMessageResourceName = nameof(SignInCodeText.CodeWrong))]
    public string Code { get; set; } = "";
}
