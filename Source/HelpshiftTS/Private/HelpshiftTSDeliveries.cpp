#include "HelpshiftTSDeliveries.h"

bool FHelpshiftTSDeliveries::Add(FDelivery Delivery)
{
	Queue.Add(MoveTemp(Delivery));
	return Queue.Num() == 1;
}

void FHelpshiftTSDeliveries::RunDue()
{
	TArray<FDelivery> Due = MoveTemp(Queue);
	Queue.Empty();
	for (FDelivery& Delivery : Due)
	{
		Delivery();
	}
}
