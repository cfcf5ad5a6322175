#include "HelpshiftTSHttp.h"

#include "Async/Async.h"
#include "HelpshiftConfigJson.h"
#include "HttpModule.h"
#include "Interfaces/IHttpResponse.h"

FHelpshiftTSHttp::~FHelpshiftTSHttp()
{
	CancelAll();
}

bool FHelpshiftTSHttp::Send(int32 RequestId, const FString& Method, const FString& Url, const FString& HeadersJson,
	const FString& Body, UObject* Owner, FCompletion OnComplete)
{
	const FHttpRequestRef Request = FHttpModule::Get().CreateRequest();
	Request->SetVerb(Method);
	Request->SetURL(Url);
	TMap<FString, FString> Headers;
	HelpshiftConfigJson::StringMapFromJson(HeadersJson, Headers);
	for (const TPair<FString, FString>& Header : Headers)
	{
		Request->SetHeader(Header.Key, Header.Value);
	}
	if (!Body.IsEmpty())
	{
		Request->SetContentAsString(Body);
	}
	TWeakObjectPtr<UObject> WeakOwner(Owner);
	Request->OnProcessRequestComplete().BindLambda(
		[WeakOwner, RequestId, OnComplete](FHttpRequestPtr, FHttpResponsePtr Response, bool bConnectedSuccessfully) {
			// Read the response here (it is complete); hop to the game thread, where TypeScript lives.
			FHelpshiftTSHttpResult Result;
			if (bConnectedSuccessfully && Response.IsValid())
			{
				Result.Status = Response->GetResponseCode();
				Result.Body = Response->GetContentAsString();
				for (const TCHAR* Name : {TEXT("x-server-time"), TEXT("date")})
				{
					const FString Value = Response->GetHeader(Name);
					if (!Value.IsEmpty())
					{
						Result.Headers.Add(Name, Value);
					}
				}
			}
			else
			{
				Result.Error = HelpshiftTSHttpError::Network;
			}
			AsyncTask(ENamedThreads::GameThread, [WeakOwner, RequestId, OnComplete, Result]() {
				if (WeakOwner.Get())
				{
					OnComplete(RequestId, Result);
				}
			});
		});
	Pending.Add(RequestId, Request);
	if (!Request->ProcessRequest())
	{
		Request->OnProcessRequestComplete().Unbind();
		Pending.Remove(RequestId);
		return false;
	}
	return true;
}

bool FHelpshiftTSHttp::Finish(int32 RequestId)
{
	return Pending.Remove(RequestId) > 0;
}

void FHelpshiftTSHttp::CancelAll()
{
	// Move out first: CancelRequest may complete synchronously, and nothing of this map may be touched then.
	TMap<int32, FHttpRequestPtr> InFlight = MoveTemp(Pending);
	Pending.Empty();
	for (TPair<int32, FHttpRequestPtr>& Entry : InFlight)
	{
		if (Entry.Value.IsValid())
		{
			Entry.Value->OnProcessRequestComplete().Unbind();
			Entry.Value->CancelRequest();
		}
	}
}
