using System.ComponentModel.DataAnnotations;

namespace HelpdeskIdentity.Api.Pages.Account;

/// <summary>The register form: the address and the name (the page checks what attributes cannot).</summary>
public sealed class RegisterInput
{
    public const int MaxNameLength = 200;

    [Required(ErrorMessageResourceType = typeof(PageText), ErrorMessageResourceName = nameof(PageText.EmailRequired))]
    [StringLength(254, ErrorMessageResourceType = typeof(PageText), ErrorMessageResourceName = nameof(PageText.EmailTooLong))]
    public string Email { get; set; } = "";

    [Required(ErrorMessageResourceType = typeof(RegisterText), ErrorMessageResourceName = nameof(RegisterText.NameRequired))]
    [StringLength(MaxNameLength, ErrorMessageResourceType = typeof(RegisterText), ErrorMessageResourceName = nameof(RegisterText.NameTooLong))]
    public string Name { get; set; } = "";
}
