import { ashbyVendor } from './AshbyTrigger/ashby.vendor';
import { greenhouseVendor } from './GreenhouseTrigger/greenhouse.vendor';
import { keldairHrVendor } from './KeldairHrTrigger/keldairHr.vendor';
import { kiniVendor } from './KiniTrigger/kini.vendor';
import { knitVendor } from './KnitTrigger/knit.vendor';
import { komboVendor } from './KomboTrigger/kombo.vendor';
import { leverVendor } from './LeverTrigger/lever.vendor';
import type { Vendor, VendorKey } from './shared/vendor';
import { smartRecruitersVendor } from './SmartRecruitersTrigger/smartRecruiters.vendor';
import { startupKitVendor } from './StartupKitTrigger/startupKit.vendor';
import { workableVendor } from './WorkableTrigger/workable.vendor';

/**
 * The registry, the one list of vendors: ATS Normalize, the build, the simulator and the tests
 * read it; each trigger node imports its own `<key>.trigger.ts`, so nothing here loads a
 * verifier. A new vendor is its folder plus one line here (and its credential and package.json
 * entries): see docs/adding-a-vendor.md.
 */
export const vendors: Record<VendorKey, Vendor> = {
	kini: kiniVendor,
	startupKit: startupKitVendor,
	keldairHr: keldairHrVendor,
	knit: knitVendor,
	kombo: komboVendor,
	ashby: ashbyVendor,
	greenhouse: greenhouseVendor,
	lever: leverVendor,
	workable: workableVendor,
	smartRecruiters: smartRecruitersVendor,
};

export const vendorList: Vendor[] = Object.values(vendors);
