using System.Reflection;
using HelpdeskIdentity.Api.Pages;
using Shouldly;

namespace HelpdeskIdentity.UnitTests.Pages;

/// <summary>A page's <c>@page</c> directive repeats its path as a literal: each path in PagePaths must be a page's route.</summary>
public sealed class PagePathsTests
{
    [Fact]
    public void EveryPagePath_IsTheRouteOfAPage()
    {
        var routes = typeof(PagePaths).Assembly.GetTypes()
            .SelectMany(type => type.GetCustomAttributesData())
            .Where(attribute => attribute.AttributeType.Name == "RazorCompiledItemMetadataAttribute"
                && (string?)attribute.ConstructorArguments[0].Value == "RouteTemplate")
            .Select(attribute => (string?)attribute.ConstructorArguments[1].Value)
            .ToHashSet();
        var paths = typeof(PagePaths).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (string?)field.GetRawConstantValue()).ToList();

        paths.Count.ShouldBeGreaterThan(10);
        paths.Where(path => !routes.Contains(path)).ShouldBeEmpty();
    }
}
