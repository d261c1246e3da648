using Inspection.Contracts.Vocabularies;
using Inspection.Domain.Dates;
using Inspection.OpenData.V1;
using Inspection.Scoring.Application;
using D = Inspection.Scoring.Domain.History;

namespace Inspection.Scoring.Grpc;

/// <summary>The national time series between its messages and the use case.</summary>
public static class RatingHistoryMessages
{
    public static NationalRatingHistory.Query ToQuery(this ListRatingHistoryRequest request) =>
        new(request.ProviderId.Trim(), request.Region.Trim(), request.FrameworkId.Trim(), request.PageSize, request.PageToken);

    public static ListRatingHistoryResponse ToMessage(this NationalRatingHistory.Page page)
    {
        var response = new ListRatingHistoryResponse { NextPageToken = page.NextPageToken, TotalRows = page.TotalRows };
        response.Rows.AddRange(page.Rows.Select(ToMessage));
        return response;
    }

    private static RatingHistoryRow ToMessage(D.RatingHistoryRow row) => new()
    {
        InspectionId = row.Inspection.InspectionId,
        ProviderId = row.Provider.ProviderId,
        ProviderName = row.Provider.Name,
        LineageId = row.Lineage.ProviderId,
        LineageName = row.Lineage.Name,
        Region = row.Provider.Region,
        FrameworkId = row.Inspection.FrameworkId,
        PublishedOn = CalendarDate.ToText(row.Inspection.PublishedOn),
        StandardId = row.Rating.StandardId,
        StandardName = row.Rating.StandardName,
        Rating = row.Rating.Rating,
        PreviousRating = row.Previous.Rating ?? "",
        PreviousStandardId = row.Previous.StandardId ?? "",
        PreviousInspectionId = row.Previous.Inspection?.InspectionId ?? "",
        PreviousProviderId = row.Previous.Inspection?.ProviderId ?? "",
        PreviousPublishedOn = row.Previous.Inspection is { } before ? CalendarDate.ToText(before.PublishedOn) : "",
        PreviousBasis = row.Previous.Basis.Word(),
        PreviousNote = row.Previous.Note,
    };
}
